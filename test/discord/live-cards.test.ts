import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardContent } from '../../adapters/discord/render-card.ts';
import type { CardLine } from '../../src/core/index.ts';
import { expireInvitations } from '../../src/jobs/expire-invitations.ts';
import { INVITE_TTL_MS } from '../support/core-build.ts';
import { alice, type DiscordWorld, inGuild, NOTIFICATIONS, owner, startWorld } from './harness.ts';
import { setUpAcme } from './steps.ts';

const edit = new RegExp(`^/channels/${NOTIFICATIONS}/messages/\\d+$`);
const post = new RegExp(`^/channels/${NOTIFICATIONS}/messages$`);

describe('Discord live cards: the channel announcement is edited in place (SPEC §11)', () => {
  let world: DiscordWorld;
  beforeEach(async () => {
    world = await startWorld();
    await setUpAcme(world);
  });
  afterEach(async () => {
    await world.close();
  });

  const calls = (method: string, path: RegExp) =>
    world.fake.calls.filter((c) => c.method === method && path.test(c.path));
  const channel = () => world.fake.messages.inChannel(NOTIFICATIONS);

  /** Returns alice's code: the invite reply shows each code to forward. */
  async function inviteAliceAndBea(): Promise<string> {
    const invited = await world.run(inGuild(owner), 'invite', { emails: 'alice@x.com bea@x.com' });
    await world.deliver();
    expect(channel()).toHaveLength(1);
    const code = /`alice@x\.com`[^\n]*accept code:([^`]+)`/.exec(invited.content)?.[1];
    if (code === undefined) throw new Error(`no code for alice in: ${invited.content}`);
    return code;
  }

  async function aliceAccepts(code: string): Promise<void> {
    const accepted = await world.run(inGuild(alice), 'accept', { code });
    expect(accepted.content).toContain('you joined');
  }

  async function sweepPastExpiry(): Promise<void> {
    world.clock.advance(INVITE_TTL_MS + 1);
    expect(await expireInvitations(world.store, world.clock())).toBeGreaterThan(0);
  }

  it('invite two, one accepts and one expires: one channel message, edited twice, its final text true', async () => {
    const code = await inviteAliceAndBea();
    const [card] = channel();

    await aliceAccepts(code);
    await world.deliver();
    expect(card?.edits).toBe(1);
    expect(card?.content).toMatch(/- `alice@x\.com`: accepted ✓\n- `bea@x\.com`: pending, expires <t:\d+:R>/);

    await sweepPastExpiry();
    await world.deliver();
    expect(calls('PATCH', edit).map((c) => c.path)).toEqual([
      `/channels/${NOTIFICATIONS}/messages/${card?.id}`,
      `/channels/${NOTIFICATIONS}/messages/${card?.id}`,
    ]);
    expect(calls('POST', post)).toHaveLength(1);
    expect(channel()).toEqual([card]);
    expect(card?.edits).toBe(2);
    expect(card?.content).toContain('(2 invited: 1 accepted, 1 expired)');
    expect(card?.content).toContain('- `alice@x.com`: accepted ✓');
    expect(card?.content).toContain('- `bea@x.com`: expired');
  });

  it('a card whose message was deleted (10008) is given up, recorded once; later changes are posted as lines', async () => {
    const code = await inviteAliceAndBea();
    const [card] = channel();
    world.fake.messages.delete(card?.id ?? '');

    await aliceAccepts(code);
    expect(await world.deliver()).toMatchObject({ undeliverable: 1 });
    const cards = await world.store.db.selectFrom('cards').select(['message_ref', 'state']).execute();
    expect(cards).toEqual([{ message_ref: card?.id, state: 'retired' }]);

    await sweepPastExpiry();
    await world.deliver();
    expect(calls('PATCH', edit)).toHaveLength(1);
    expect(channel().map((m) => m.content)).toEqual(['The invitation of `bea@x.com` to **Acme** expired.']);
    const activity = await world.run(inGuild(owner), 'activity');
    expect(activity.content).toContain('could not deliver a notification');
  });

  it('a batch of 20 expiring in one sweep is one edit of its card', async () => {
    const emails = Array.from({ length: 20 }, (_, i) => `p${i}@x.com`).join(' ');
    await world.run(inGuild(owner), 'invite', { emails });
    await world.deliver();
    const [card] = channel();

    await sweepPastExpiry();
    await world.deliver();
    expect(calls('PATCH', edit)).toHaveLength(1);
    expect(card?.content).toContain('(20 invited: 20 expired)');
    expect(card?.content.match(/: expired/g)).toHaveLength(20);
    expect(channel()).toEqual([card]);
  });
});

describe('a Discord live card within Discord limits (SPEC §10)', () => {
  it('a card of 100 invitees with 254-character addresses fits 2,000 characters and still counts everyone', () => {
    const email = (i: number) => `${'a*_'.repeat(80)}${String(i).padStart(3, '0')}@${'x'.repeat(7)}.io`;
    const lines: CardLine[] = Array.from({ length: 100 }, (_, i) => ({
      email: email(i),
      state: i < 50 ? 'accepted' : 'pending',
      expiresAt: 1_000_000,
    }));
    const card = { orgName: '**Acme** @everyone', role: 'member' as const, invitedBy: 'o@x.io', lines };
    const content = cardContent({ kind: 'card_update', orgName: card.orgName, cardId: 'c1', card, changed: [] });
    expect(email(0)).toHaveLength(254);
    expect(content.length).toBeLessThanOrEqual(2_000);
    expect(content).toContain('100 invited: 50 accepted, 50 pending');
    const shown = content.split('\n').filter((line) => line.startsWith('- ')).length;
    expect(content).toContain(`…and ${100 - shown} more`);
  });
});
