import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * The floor: the statements the core issues for invite, accept and remove (see src/core/actions),
 * written by hand on better-sqlite3 with prepared statements and no query builder. The schema is
 * the real one (the caller migrates the file first).
 */
export function createRawFloor(db: Database, perRound: number) {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const orgId = randomUUID();
  db.prepare('insert into organizations (id, name, member_limit, created_at, version) values (?, ?, ?, ?, 0)').run(
    orgId,
    'Floor',
    1_000_000,
    0,
  );
  db.prepare(
    "insert into bindings (platform, workspace_id, org_id, channel_id) values ('console', 'local', ?, 'terminal')",
  ).run(orgId);
  db.prepare("insert into memberships (org_id, email, role, joined_at) values (?, 'owner@floor.test', 'owner', 0)").run(
    orgId,
  );
  const s = {
    binding: db.prepare(
      "select o.id, o.name, o.member_limit, b.channel_id from bindings b join organizations o on o.id = b.org_id where b.platform = 'console' and b.workspace_id = 'local'",
    ),
    lock: db.prepare('update organizations set version = version + 1 where id = ? returning name, member_limit'),
    membership: db.prepare('select email, role, joined_at from memberships where org_id = ? and email = ?'),
    expireDue: db.prepare(
      "update invitations set state = 'expired', resolved_at = ? where rowid in (select rowid from invitations where state = 'pending' and org_id = ? and expires_at <= ? order by expires_at limit 10000) and state = 'pending' returning id, org_id, email, role, invited_by, expires_at, (select name from organizations where id = invitations.org_id) as org_name",
    ),
    standing: db.prepare(
      "select email, 'member' as kind from memberships where org_id = ? and email in (?) union all select email, 'pending' as kind from invitations where org_id = ? and state = 'pending' and email in (?)",
    ),
    seatsTaken: db.prepare(
      "select (select count(*) from memberships where org_id = ?) as members, (select count(*) from invitations where org_id = ? and state = 'pending') as pending",
    ),
    insertInvitation: db.prepare(
      "insert into invitations (id, org_id, email, role, state, code_hash, invited_by, created_at, sent_at, expires_at) values (?, ?, ?, 'member', 'pending', ?, 'owner@floor.test', ?, ?, ?)",
    ),
    bindings: db.prepare('select platform, workspace_id, channel_id from bindings where org_id = ?'),
    accounts: db.prepare('select platform, workspace_id, user_id from chat_identities where email = ?'),
    outbox: db.prepare(
      "insert into outbox (id, org_id, platform, workspace_id, destination, event, state, attempts, created_at, next_attempt_at) values (?, ?, 'console', 'local', ?, ?, 'pending', 0, ?, ?)",
    ),
    activity: db.prepare(
      'insert into activity (org_id, at, actor, action, subject, details) values (?, ?, ?, ?, ?, ?)',
    ),
    byCode: db.prepare('select * from invitations where code_hash = ?'),
    byId: db.prepare('select * from invitations where id = ?'),
    resolve: db.prepare("update invitations set state = ?, resolved_at = ? where id = ? and state = 'pending'"),
    insertMember: db.prepare("insert into memberships (org_id, email, role, joined_at) values (?, ?, 'member', ?)"),
    insertAction: db.prepare(
      "insert into pending_actions (id, org_id, requested_by, action, state, created_at) values (?, ?, 'owner@floor.test', ?, 'pending', ?)",
    ),
    findAction: db.prepare('select * from pending_actions where id = ?'),
    closeAction: db.prepare(
      "update pending_actions set state = 'done', resolved_at = ? where id = ? and state = 'pending'",
    ),
    deleteMember: db.prepare('delete from memberships where org_id = ? and email = ?'),
  };
  const begin = db.prepare('begin');
  const commit = db.prepare('commit');
  const tx = (work: () => void) => {
    begin.run();
    work();
    commit.run();
  };
  const hash = (code: string) => createHash('sha256').update(code).digest('hex');
  const now = 1;
  const event = (kind: string, email: string) => JSON.stringify({ kind, orgName: 'Floor', email });
  const queue = (destination: string, kind: string, email: string) =>
    s.outbox.run(randomUUID(), orgId, destination, event(kind, email), now, now);
  const channel = JSON.stringify({ kind: 'channel', channelId: 'terminal' });

  const invite = (email: string): string => {
    const code = randomBytes(20).toString('hex');
    s.binding.get();
    tx(() => {
      s.lock.get(orgId);
      s.membership.get(orgId, 'owner@floor.test');
      s.expireDue.all(now, orgId, now);
      s.standing.all(orgId, email, orgId, email);
      s.seatsTaken.get(orgId, orgId);
      s.insertInvitation.run(randomUUID(), orgId, email, hash(code), now, now, now + 1e9);
      s.activity.run(orgId, now, 'owner@floor.test', 'invited', email, '{"role":"member"}');
      s.bindings.all(orgId);
      queue(channel, 'invitation_sent', email);
    });
    return code;
  };
  const accept = (email: string, code: string) => {
    const invitation = s.byCode.get(hash(code)) as { id: string };
    tx(() => {
      s.lock.get(orgId);
      s.byId.get(invitation.id);
      s.resolve.run('accepted', now, invitation.id);
      s.membership.get(orgId, email);
      s.insertMember.run(orgId, email, now);
      s.bindings.all(orgId);
      queue(channel, 'invitation_accepted', email);
      s.activity.run(orgId, now, email, 'invitation_accepted', email, '{"role":"member"}');
    });
  };
  const remove = (email: string) => {
    const actionId = randomBytes(16).toString('base64url');
    s.binding.get();
    s.membership.get(orgId, 'owner@floor.test');
    s.membership.get(orgId, email);
    s.insertAction.run(actionId, orgId, JSON.stringify({ kind: 'remove', email }), now);
    s.findAction.get(actionId);
    s.binding.get();
    tx(() => {
      s.lock.get(orgId);
      s.membership.get(orgId, 'owner@floor.test');
      s.findAction.get(actionId);
      s.membership.get(orgId, email);
      s.closeAction.run(now, actionId);
      s.deleteMember.run(orgId, email);
      s.bindings.all(orgId);
      s.accounts.all(email);
      queue(channel, 'member_removed', email);
      queue(JSON.stringify({ kind: 'email', email }), 'member_removed', email);
      s.activity.run(orgId, now, 'owner@floor.test', 'member_removed', email, '{"role":"member"}');
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
