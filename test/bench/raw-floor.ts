import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { configureSqlite } from '../../src/store/connect.ts';

/**
 * The floor: the statements the core issues for invite, accept and remove (see src/core/actions),
 * word for word as Kysely compiles them, in the same order and transactions, written by hand on
 * better-sqlite3 with prepared statements and no query builder. The schema is the real one (the
 * caller migrates the file first) and the connection has the store's settings (configureSqlite).
 * As in the core bench, the console's workspace has no channel, so invite and accept queue no
 * channel post; a removal queues the removed person's notice.
 */
export function createRawFloor(db: Database, perRound: number) {
  configureSqlite(db);
  const orgId = randomUUID();
  const owner = 'owner@floor.test';
  db.prepare('insert into organizations (id, name, member_limit, created_at, version) values (?, ?, ?, ?, 0)').run(
    orgId,
    'Floor',
    1_000_000,
    0,
  );
  db.prepare(
    "insert into bindings (platform, workspace_id, org_id, channel_id) values ('console', 'local', ?, null)",
  ).run(orgId);
  db.prepare("insert into memberships (org_id, email, role, joined_at) values (?, ?, 'owner', 0)").run(orgId, owner);
  const s = statements(db);
  const begin = db.prepare('begin');
  const commit = db.prepare('commit');
  const tx = (work: () => void) => {
    begin.run();
    work();
    commit.run();
  };
  const hash = (code: string) => createHash('sha256').update(code).digest('hex');
  const now = 1;
  const ttl = 48 * 3_600_000;
  const role = JSON.stringify({ role: 'member' });

  const invite = (email: string): string => {
    const code = randomBytes(20).toString('hex');
    tx(() => {
      s.lockBound.get(1, 'console', 'local', 'console', 'local');
      s.membership.get(orgId, owner);
      s.overdue.all(orgId, now, 1);
      s.standing.all(orgId, email, orgId, email);
      s.domains.all(orgId);
      s.seatsTaken.get(orgId, orgId);
      s.insertInvitation.run(
        randomUUID(),
        orgId,
        email,
        'member',
        'pending',
        hash(code),
        owner,
        now,
        now,
        now + ttl,
        null,
        null,
        null,
        now + ttl / 2,
        null,
      );
      s.activity.run(orgId, now, owner, 'invited', email, role);
      s.bindings.all(orgId);
    });
    return code;
  };
  const accept = (email: string, code: string) => {
    const [invitation] = s.byCode.all(hash(code)) as { id: string }[];
    if (!invitation) throw new Error('the floor lost an invitation');
    tx(() => {
      s.lock.get(1, orgId);
      s.byId.all(invitation.id);
      s.resolve.run('accepted', now, invitation.id);
      s.membership.get(orgId, email);
      s.insertMember.run(orgId, email, 'member', now, null, null, null, null);
      s.cardsShowing.all('live', invitation.id);
      s.bindings.all(orgId);
      s.activity.run(orgId, now, email, 'invitation_accepted', email, role);
    });
  };
  const remove = (email: string) => {
    const actionId = randomBytes(16).toString('base64url');
    s.binding.get('console', 'local');
    s.membership.get(orgId, owner);
    s.membership.get(orgId, email);
    const action = { request: { kind: 'remove', email }, description: { kind: 'remove', email, role: 'member' } };
    s.insertAction.run(actionId, orgId, owner, JSON.stringify(action), 'pending', now, null);
    s.findAction.all(actionId);
    tx(() => {
      s.lockBound.get(1, 'console', 'local', 'console', 'local');
      s.membership.get(orgId, owner);
      s.findAction.all(actionId);
      s.membership.get(orgId, email);
      s.closeAction.run('done', now, actionId, 'pending');
      s.membership.get(orgId, email);
      s.insertRemoval.run(randomUUID(), orgId, email, 'member', now, null, null, null, null, owner, now, null);
      s.deleteMember.run(orgId, email);
      s.activity.run(orgId, now, owner, 'member_removed', email, role);
      s.bindings.all(orgId);
      s.accounts.all(email);
      const event = JSON.stringify({ kind: 'member_removed', orgName: 'Floor', email, by: owner });
      const destination = JSON.stringify({ kind: 'email', email });
      s.outbox.run(
        randomUUID(),
        orgId,
        'console',
        'local',
        destination,
        event,
        'pending',
        0,
        now,
        now,
        null,
        null,
        null,
        null,
      );
    });
  };
  const timed = (work: () => void) => {
    const start = process.hrtime.bigint();
    work();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  return {
    round(round: number) {
      const emails = Array.from({ length: perRound }, (_, i) => `r${round}-${i}@floor.test`);
      const codes: string[] = [];
      return {
        invite: timed(() => {
          for (const email of emails) codes.push(invite(email));
        }),
        accept: timed(() => {
          for (const [i, email] of emails.entries()) accept(email, codes[i] ?? '');
        }),
        remove: timed(() => {
          for (const email of emails) remove(email);
        }),
      };
    },
  };
}

/** Each statement as the core's repositories compile it (traced from the core bench's commands). */
function statements(db: Database) {
  const membershipColumns = '"email", "role", "joined_at", "ends_at", "duration_ms", "notice_at", "invited_by"';
  return {
    binding: db.prepare(
      'select "organizations"."id", "organizations"."name", "organizations"."member_limit", "bindings"."channel_id" from "bindings" inner join "organizations" on "organizations"."id" = "bindings"."org_id" where "bindings"."platform" = ? and "bindings"."workspace_id" = ?',
    ),
    lockBound: db.prepare(
      'update "organizations" set "version" = "version" + ? where "id" = (select "bindings"."org_id" from "bindings" where "bindings"."platform" = ? and "bindings"."workspace_id" = ?) returning "id", "name", "member_limit", (select "bindings"."channel_id" from "bindings" where "bindings"."platform" = ? and "bindings"."workspace_id" = ?) as "channel_id"',
    ),
    lock: db.prepare(
      'update "organizations" set "version" = "version" + ? where "id" = ? returning "name", "member_limit"',
    ),
    membership: db.prepare(`select ${membershipColumns} from "memberships" where "org_id" = ? and "email" = ?`),
    overdue: db.prepare(
      `select "id" from "invitations" where "org_id" = ? and "state" = 'pending' and "expires_at" <= ? limit ?`,
    ),
    standing: db.prepare(
      `select "email", 'member' as "kind" from "memberships" where "org_id" = ? and "email" in (?) union all select "email", 'pending' as "kind" from "invitations" where "org_id" = ? and "state" = 'pending' and "email" in (?)`,
    ),
    domains: db.prepare('select "domain" from "org_domains" where "org_id" = ? order by "domain"'),
    seatsTaken: db.prepare(
      `select (select count(*) as "n" from "memberships" where "org_id" = ?) as "members", (select count(*) as "n" from "invitations" where "org_id" = ? and "state" = 'pending') as "pending"`,
    ),
    insertInvitation: db.prepare(
      'insert into "invitations" ("id", "org_id", "email", "role", "state", "code_hash", "invited_by", "created_at", "sent_at", "expires_at", "resolved_at", "target_platform", "target_user_id", "remind_at", "duration_ms") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    activity: db.prepare(
      'insert into "activity" ("org_id", "at", "actor", "action", "subject", "details") values (?, ?, ?, ?, ?, ?)',
    ),
    bindings: db.prepare(
      'select "platform", "workspace_id", "channel_id" from "bindings" where "org_id" = ? order by "platform"',
    ),
    byCode: db.prepare('select * from "invitations" where "code_hash" = ?'),
    byId: db.prepare('select * from "invitations" where "id" = ?'),
    resolve: db.prepare(
      `update "invitations" set "state" = ?, "resolved_at" = ? where "id" = ? and "state" = 'pending'`,
    ),
    insertMember: db.prepare(
      'insert into "memberships" ("org_id", "email", "role", "joined_at", "ends_at", "duration_ms", "notice_at", "invited_by") values (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    cardsShowing: db.prepare(
      'select "cards"."id", "cards"."org_id", "cards"."platform", "cards"."workspace_id", "cards"."channel_id", "cards"."invited_by", "cards"."role", "cards"."message_ref", "cards"."state", "organizations"."name" as "org_name", "card_lines"."invitation_id", "invitations"."email", "invitations"."state" as "line_state", "invitations"."expires_at" from "cards" inner join "organizations" on "organizations"."id" = "cards"."org_id" inner join "card_lines" on "card_lines"."card_id" = "cards"."id" inner join "invitations" on "invitations"."id" = "card_lines"."invitation_id" where "cards"."state" = ? and "cards"."id" in (select "card_lines"."card_id" from "card_lines" where "card_lines"."invitation_id" in (?)) order by "cards"."created_at", "cards"."id", "card_lines"."position"',
    ),
    insertAction: db.prepare(
      'insert into "pending_actions" ("id", "org_id", "requested_by", "action", "state", "created_at", "resolved_at") values (?, ?, ?, ?, ?, ?, ?)',
    ),
    findAction: db.prepare('select * from "pending_actions" where "id" = ?'),
    closeAction: db.prepare(
      'update "pending_actions" set "state" = ?, "resolved_at" = ? where "id" = ? and "state" = ?',
    ),
    insertRemoval: db.prepare(
      'insert into "removals" ("id", "org_id", "email", "role", "joined_at", "ends_at", "duration_ms", "notice_at", "invited_by", "removed_by", "removed_at", "undone_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    deleteMember: db.prepare('delete from "memberships" where "org_id" = ? and "email" = ?'),
    accounts: db.prepare('select "platform", "workspace_id", "user_id" from "chat_identities" where "email" = ?'),
    outbox: db.prepare(
      'insert into "outbox" ("id", "org_id", "platform", "workspace_id", "destination", "event", "state", "attempts", "created_at", "next_attempt_at", "delivered_at", "last_error", "secret", "card_id") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
  };
}
