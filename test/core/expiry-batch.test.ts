import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { expireInvitations } from '../../src/jobs/expire-invitations.ts';
import { expectOk, fixtures, INVITE_TTL_MS } from '../support/core-harness.ts';
import { outboxRows } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

/**
 * Counts the statements a store runs (the real database still runs them): each result is counted, so
 * statements handed over already compiled (the bulk inserts) are counted too.
 */
function statementCounter(): KyselyPlugin & { count: number } {
  return {
    count: 0,
    transformQuery: (args) => args.node,
    async transformResult(args) {
      this.count += 1;
      return args.result;
    },
  };
}

describe.each(dialects)('expiry in batches (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('expires 1,200 due invitations in a few statements per batch, each once, with every notice', async () => {
    const { core, store, owner, clock } = await make.withOrg({ orgMaxMembers: 2_000 });
    expectOk(await core.setChannel(owner, { channelId: 'C-team' }));
    for (let command = 0; command < 12; command += 1) {
      const emails = Array.from({ length: 100 }, (_, i) => `p${command * 100 + i}@x.test`);
      expectOk(await core.invite(owner, { emails }));
    }
    clock.advance(INVITE_TTL_MS + 1);
    const counter = statementCounter();
    expect(await expireInvitations({ ...store, db: store.db.withPlugin(counter) }, clock())).toBe(1_200);
    // Two batches (1,000 and 200) of a fixed few statements each, where it was five per invitation;
    // one of them per batch finds the live cards to edit (SPEC §11).
    expect(counter.count).toBeLessThanOrEqual(18);

    const expired = (await outboxRows(store)).filter((row) => row.event.kind === 'invitation_expired');
    // The inviter's DM for each; the channel's twelve cards are edited instead, once per card and batch.
    expect(expired).toHaveLength(1_200);
    expect(new Set(expired.map((row) => JSON.stringify([row.destination, row.event]))).size).toBe(1_200);
    const edits = (await outboxRows(store)).filter((row) => row.event.kind === 'card_update');
    expect(edits.length).toBeGreaterThanOrEqual(12);
    expect(edits.length).toBeLessThanOrEqual(2 * 12);
    const activity = await store.db
      .selectFrom('activity')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('action', '=', 'invitation_expired')
      .executeTakeFirstOrThrow();
    expect(Number(activity.n)).toBe(1_200);
    expect(await expireInvitations(store, clock())).toBe(0);
  });

  it('invite expires the organization’s own overdue invitations first, freeing their seats', async () => {
    const { core, store, owner, clock } = await make.withOrg({ orgMaxMembers: 3 });
    expectOk(await core.invite(owner, { emails: ['a@x.test', 'b@x.test'] }));
    clock.advance(INVITE_TTL_MS + 1);
    const outcome = expectOk(await core.invite(owner, { emails: ['a@x.test', 'c@x.test'] }));
    expect(outcome.invited.map((i) => i.email)).toEqual(['a@x.test', 'c@x.test']);
    expect(outcome.seatsLeft).toBe(0);
    const states = await store.db.selectFrom('invitations').select(['email', 'state']).orderBy('email').execute();
    expect(states.filter((s) => s.state === 'expired').map((s) => s.email)).toEqual(['a@x.test', 'b@x.test']);
  });
});
