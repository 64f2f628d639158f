import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRANSFER_PICKER_ID } from '../../adapters/shared/transfer-picker.ts';
import { buildCore } from '../support/core-build.ts';
import { expectOk } from '../support/core-harness.ts';
import type { FakeMessage } from '../support/fake-discord.ts';
import { alice, type DiscordWorld, GUILD, inGuild, owner, startWorld } from './harness.ts';
import { join, setUpAcme } from './steps.ts';

interface SelectRow {
  components: { type: number; custom_id: string; options: { label: string; value: string }[] }[];
}

function selectValues(components: unknown[]): string[] {
  return (components as SelectRow[])
    .flatMap((row) =>
      row.components.filter((c) => c.type === 3 && c.custom_id === TRANSFER_PICKER_ID).flatMap((c) => c.options),
    )
    .map((o) => o.value);
}

describe('Discord: the only owner leaving is offered a transfer', () => {
  let world: DiscordWorld;
  beforeEach(async () => {
    world = await startWorld();
    await setUpAcme(world);
  });
  afterEach(() => world.close());

  function choose(message: FakeMessage, email: string) {
    return world.fake.answerTo(world.fake.chooseOption(inGuild(owner), message, TRANSFER_PICKER_ID, [email]));
  }

  it('leave shows a select of members; choosing one becomes the transfer confirmation, which hands over', async () => {
    await join(world, alice, 'alice@x.com');
    const refusal = await world.run(inGuild(owner), 'leave');
    expect(refusal.content).toContain('You are the only Organization Owner, so you cannot leave yet');
    expect(selectValues(refusal.components)).toEqual(['alice@x.com']);
    if (!refusal.message) throw new Error('the refusal is not a message');

    const confirmation = await choose(refusal.message, 'alice@x.com');
    expect(confirmation.via).toBe('edit');
    expect(confirmation.content).toContain(
      'Hand **Acme** to `alice@x.com`? They become an owner and you become a member.',
    );
    const done = await world.click(inGuild(owner), refusal.message, 'Transfer ownership');
    expect(done.content).toBe('`alice@x.com` now owns **Acme**; you are a member.');
    const list = await world.run(inGuild(alice), 'list', { what: 'members' });
    expect(list.content).toContain('`alice@x.com` Organization Owner');
    expect(list.content).toContain('`owner@x.com` Organization Member');
  });

  it('a stale pick after the target left is refused to the picker and leaves the message as it was', async () => {
    await join(world, alice, 'alice@x.com');
    const refusal = await world.run(inGuild(owner), 'leave');
    if (!refusal.message) throw new Error('the refusal is not a message');
    const before = refusal.message.content;
    const leaving = await world.run(inGuild(alice), 'leave');
    if (!leaving.message) throw new Error('no confirmation');
    await world.click(inGuild(alice), leaving.message, 'Leave organization');
    const stale = await choose(refusal.message, 'alice@x.com');
    expect(stale.via).toBe('followup');
    expect(stale.content).toContain('is not a member of this organization');
    expect(refusal.message.content).toBe(before);
  });

  it('past 25 members the select shows 25 and says to type /members transfer for anyone else', async () => {
    const core = buildCore(world.store, world.clock);
    const olivia = { platform: 'discord', workspaceId: GUILD, userId: owner.id, verifiedEmail: null } as const;
    const emails = Array.from({ length: 30 }, (_, i) => `m${String(i).padStart(2, '0')}@x.com`);
    const invited = expectOk(await core.invite(olivia, { emails }));
    for (const [i, inv] of invited.invited.entries()) {
      const member = {
        platform: 'discord',
        workspaceId: GUILD,
        userId: `71000000000000${i}`,
        verifiedEmail: null,
      } as const;
      expectOk(await core.accept(member, { code: inv.code }));
    }
    const refusal = await world.run(inGuild(owner), 'leave');
    expect(selectValues(refusal.components)).toEqual(emails.slice(0, 25));
    expect(refusal.content).toContain(
      'The menu shows 25 of them; for anyone else, run `/members transfer` with their email.',
    );
  });
});
