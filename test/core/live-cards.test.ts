import { describe, expect, it } from 'vitest';
import type { NotificationEvent, OutboundNotification } from '../../src/core/index.ts';
import { dispatchNotifications } from '../../src/jobs/dispatch-notifications.ts';
import { expireInvitations } from '../../src/jobs/expire-invitations.ts';
import { consoleCaller, expectOk, fixtures, INVITE_TTL_MS, requestAndConfirm } from '../support/core-harness.ts';
import { recordingNotifier, silentLog } from '../support/core-notifier.ts';
import { outboxRows } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();
const END_POSTS = ['invitation_accepted', 'invitation_declined', 'invitation_revoked', 'invitation_expired'];

type CardUpdate = Extract<NotificationEvent, { kind: 'card_update' }>;

describe.each(dialects)('live cards in the outbox (%s)', (dialect) => {
  const make = fixtures(dialect);

  async function fourInvited() {
    const fixture = await make.withOrg();
    const { core, owner } = fixture;
    const emails = ['a@x.test', 'b@x.test', 'c@x.test', 'd@x.test'];
    const outcome = expectOk(await core.invite(owner, { emails }));
    const codes = new Map(outcome.invited.map((i) => [i.email, i.code]));
    const channelRows = async () => (await outboxRows(fixture.store)).filter((r) => r.destination.kind === 'channel');
    return { ...fixture, codes, channelRows };
  }

  it('the announcement opens a card; each end state queues an edit of it, never a channel post', async () => {
    const { core, owner, clock, store, codes, channelRows } = await fourInvited();
    const [announcement] = await channelRows();
    expect(announcement?.event.kind).toBe('invitations_sent');
    const cardId = announcement?.card_id;
    expect(cardId).toEqual(expect.any(String));

    clock.advance(1_000);
    expectOk(await core.accept(consoleCaller('a@x.test'), { code: codes.get('a@x.test') ?? '' }));
    clock.advance(1_000);
    expectOk(await core.decline(consoleCaller('b@x.test'), { code: codes.get('b@x.test') ?? '' }));
    clock.advance(1_000);
    await requestAndConfirm(core, owner, core.requestRevoke(owner, { email: 'c@x.test' }));
    clock.advance(INVITE_TTL_MS + 1);
    expect(await expireInvitations(store, clock())).toBe(1);

    const rows = await channelRows();
    expect(rows.map((r) => r.event.kind).filter((kind) => END_POSTS.includes(kind))).toEqual([]);
    const updates = rows.filter((r) => r.event.kind === 'card_update');
    expect(updates.map((r) => r.card_id)).toEqual([cardId, cardId, cardId, cardId]);
    expect(updates.map((r) => (r.event as CardUpdate).changed)).toEqual([
      [{ email: 'a@x.test', state: 'accepted' }],
      [{ email: 'b@x.test', state: 'declined' }],
      [{ email: 'c@x.test', state: 'revoked' }],
      [{ email: 'd@x.test', state: 'expired' }],
    ]);
    const last = updates.at(-1)?.event as CardUpdate;
    expect(last.card.lines.map((l) => [l.email, l.state])).toEqual([
      ['a@x.test', 'accepted'],
      ['b@x.test', 'declined'],
      ['c@x.test', 'revoked'],
      ['d@x.test', 'expired'],
    ]);
    // The state changes are still in the activity.
    const actions = expectOk(await core.activity(owner, {})).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(END_POSTS));
  });

  it('the post keeps its message; edits due together are one edit of it, showing every change', async () => {
    const { core, store, clock, codes } = await fourInvited();
    const terminal = recordingNotifier('console', (n) => ({ status: 'delivered', messageRef: `M-${n.id}` }));
    const deliver = () => dispatchNotifications({ store, clock, notifiers: [terminal.notifier], log: silentLog });
    await deliver();
    const posted = terminal.delivered.find((n) => n.event.kind === 'invitations_sent');
    const card = await store.db.selectFrom('cards').select(['message_ref', 'state']).executeTakeFirstOrThrow();
    expect(card).toEqual({ message_ref: `M-${posted?.id}`, state: 'live' });

    // Two changes queued before either edit is sent: one edit, to the card's message, says both.
    clock.advance(1_000);
    expectOk(await core.accept(consoleCaller('a@x.test'), { code: codes.get('a@x.test') ?? '' }));
    clock.advance(1_000);
    expectOk(await core.decline(consoleCaller('b@x.test'), { code: codes.get('b@x.test') ?? '' }));
    await deliver();
    const edits = terminal.delivered.filter(
      (n): n is OutboundNotification & { event: CardUpdate } => n.event.kind === 'card_update',
    );
    expect(edits.map((n) => n.messageRef)).toEqual([card.message_ref]);
    expect(edits[0]?.event.card.lines.map((l) => l.state)).toEqual(['accepted', 'declined', 'pending', 'pending']);
    expect(edits[0]?.event.changed).toEqual([
      { email: 'a@x.test', state: 'accepted' },
      { email: 'b@x.test', state: 'declined' },
    ]);
    const settled = await store.db.selectFrom('outbox').select('state').where('card_id', 'is not', null).execute();
    expect(settled.map((r) => r.state)).toEqual(['delivered', 'delivered', 'delivered']);
    // An edit names no new message: the card keeps the one its post made.
    const after = await store.db.selectFrom('cards').select('message_ref').executeTakeFirstOrThrow();
    expect(after.message_ref).toBe(card.message_ref);
  });

  it('an edit shows the card as it is when sent, not as it was queued (a racing change is not lost)', async () => {
    const { core, store, clock, codes } = await fourInvited();
    const terminal = recordingNotifier('console', (n) => ({ status: 'delivered', messageRef: `M-${n.id}` }));
    const deliver = () => dispatchNotifications({ store, clock, notifiers: [terminal.notifier], log: silentLog });
    await deliver();
    expectOk(await core.accept(consoleCaller('a@x.test'), { code: codes.get('a@x.test') ?? '' }));
    const queued = (await outboxRows(store)).find((r) => r.event.kind === 'card_update')?.event as CardUpdate;
    expect(queued.card.lines.map((l) => l.state)).toEqual(['accepted', 'pending', 'pending', 'pending']);
    // Another transaction changed the card after this edit was queued (its own edit not yet written).
    await store.db.updateTable('invitations').set({ state: 'declined' }).where('email', '=', 'b@x.test').execute();
    await deliver();
    const sent = terminal.delivered.find((n) => n.event.kind === 'card_update')?.event as CardUpdate;
    expect(sent.card.lines.map((l) => l.state)).toEqual(['accepted', 'declined', 'pending', 'pending']);
  });

  it('a sweep expiring a batch of 20 queues one edit of its card', async () => {
    const { core, owner, store, clock } = await make.withOrg();
    const emails = Array.from({ length: 20 }, (_, i) => `p${i}@x.test`);
    expectOk(await core.invite(owner, { emails }));
    clock.advance(INVITE_TTL_MS + 1);
    expect(await expireInvitations(store, clock())).toBe(20);
    const updates = (await outboxRows(store)).filter((r) => r.event.kind === 'card_update');
    expect(updates).toHaveLength(1);
    expect((updates[0]?.event as CardUpdate | undefined)?.changed).toHaveLength(20);
  });

  it('an invitation announced before live cards keeps the old channel post', async () => {
    const { core, store, clock, codes, channelRows } = await fourInvited();
    clock.advance(1_000);
    // As a row from before migration 008: no card lists the invitation.
    await store.db.deleteFrom('card_lines').execute();
    await store.db.deleteFrom('cards').execute();
    expectOk(await core.accept(consoleCaller('a@x.test'), { code: codes.get('a@x.test') ?? '' }));
    const kinds = (await channelRows()).map((r) => r.event.kind);
    expect(kinds).toEqual(['invitations_sent', 'invitation_accepted']);
  });

  it('a card the platform refused for good is retired: its later edits are dropped, not sent', async () => {
    const { core, store, clock, codes } = await fourInvited();
    const terminal = recordingNotifier('console', (n) => ({ status: 'delivered', messageRef: `M-${n.id}` }));
    const deliver = () => dispatchNotifications({ store, clock, notifiers: [terminal.notifier], log: silentLog });
    await deliver();
    clock.advance(1_000);
    expectOk(await core.accept(consoleCaller('a@x.test'), { code: codes.get('a@x.test') ?? '' }));
    clock.advance(1_000);
    expectOk(await core.decline(consoleCaller('b@x.test'), { code: codes.get('b@x.test') ?? '' }));
    terminal.behave((n) =>
      n.event.kind === 'card_update'
        ? { status: 'undeliverable', reason: 'message_not_found' }
        : { status: 'delivered' },
    );
    // The first edit is refused and retires the card; the second, already queued, is dropped unsent.
    expect(await deliver()).toMatchObject({ delivered: 1, undeliverable: 2 });
    expect(terminal.attempts.filter((n) => n.event.kind === 'card_update')).toHaveLength(1);
    const card = await store.db.selectFrom('cards').select('state').executeTakeFirstOrThrow();
    expect(card.state).toBe('retired');
  });
});
