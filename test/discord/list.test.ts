import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, FakeMessage } from '../support/fake-discord.ts';
import { alice, bob, type DiscordWorld, inGuild, owner, startWorld } from './harness.ts';
import { join, OWNER_EMAIL, setUpAcme } from './steps.ts';

interface Select {
  readonly type: number;
  readonly custom_id: string;
  readonly options?: readonly { readonly label: string; readonly value: string }[];
  readonly label?: string;
  readonly disabled?: boolean;
}

/** Every component of an answer's action rows, select menus and buttons alike. */
function componentsOf(answer: Answer): Select[] {
  return (answer.components as { components: Select[] }[]).flatMap((row) => row.components);
}

function messageOf(answer: Answer): FakeMessage {
  if (!answer.message) throw new Error(`no message: ${answer.content}`);
  return answer.message;
}

/** Picks `email` in the list's select, as the user would; returns what they are shown next. */
async function choose(world: DiscordWorld, list: Answer, email: string, as = owner): Promise<Answer> {
  const select = componentsOf(list).find((c) => c.type === 3);
  const option = select?.options?.find((o) => o.label === email);
  if (!select || !option) throw new Error(`no option for ${email}`);
  return world.fake.answerTo(world.fake.chooseOption(inGuild(as), messageOf(list), select.custom_id, [option.value]));
}

describe('/members list on Discord: pick a person, then act on them', () => {
  let world: DiscordWorld;
  beforeEach(async () => {
    world = await startWorld();
    await setUpAcme(world);
    await join(world, alice, 'alice@x.com');
  });
  afterEach(async () => {
    await world.close();
  });

  it('an owner removes a member: select, Remove, confirm', async () => {
    const list = await world.run(inGuild(owner), 'list');
    const select = componentsOf(list).find((c) => c.type === 3);
    // Only people the owner may act on: not the only owner themself.
    expect(select?.options?.map((o) => o.label)).toEqual(['alice@x.com']);
    const chosen = await choose(world, list, 'alice@x.com');
    expect(chosen.content).toContain('`alice@x.com`: Organization Member, member. What would you like to do?');
    expect(componentsOf(chosen).map((c) => c.label)).toEqual([
      'Change to Organization Owner',
      'Change to Organization Billing Admin',
      'Remove',
    ]);
    const asked = await world.click(inGuild(owner), messageOf(chosen), 'Remove');
    expect(asked.content).toContain('alice@x.com');
    expect(componentsOf(asked).map((c) => c.label)).toEqual(['Remove member', 'Cancel']);
    const done = await world.click(inGuild(owner), messageOf(asked), 'Remove member');
    expect(done.content).toContain('`alice@x.com`');
    expect((await world.run(inGuild(owner), 'list', { what: 'members' })).content).not.toContain('alice@x.com');
  });

  it('a member is offered only their own row (Leave); a Remove forged by them or by a stranger changes nothing', async () => {
    const list = await world.run(inGuild(alice), 'list');
    const select = componentsOf(list).find((c) => c.type === 3);
    expect(select?.options?.map((o) => o.label)).toEqual(['alice@x.com']);
    const chosen = await choose(world, list, 'alice@x.com', alice);
    expect(componentsOf(chosen).map((c) => c.label)).toEqual(['Leave']);
    // Remove on the member's row, as only an owner's buttons would carry it, pressed by others.
    const ownerList = await world.run(inGuild(owner), 'list');
    const aliceValue = componentsOf(ownerList)
      .find((c) => c.type === 3)
      ?.options?.find((o) => o.label === 'alice@x.com')?.value;
    const forged = `rollcall:row:remove:${aliceValue}`;
    const refused = await world.fake.answerTo(world.fake.clickButton(inGuild(bob), messageOf(chosen), forged));
    expect(refused.content).toMatch(/not (a member|linked)|Ask an owner|invitation/i);
    const byMember = await world.fake.answerTo(world.fake.clickButton(inGuild(alice), messageOf(chosen), forged));
    expect(byMember.content).toContain('You cannot do that to this person');
    expect((await world.run(inGuild(owner), 'list', { what: 'members' })).content).toContain('alice@x.com');
  });

  it('pages a long list with Previous and Next, 20 people a page', async () => {
    const emails = Array.from({ length: 45 }, (_, i) => `p${String(i).padStart(2, '0')}@x.com`).join(' ');
    await world.run(inGuild(owner), 'invite', { emails });
    const first = await world.run(inGuild(owner), 'list');
    expect(first.content).toContain('Page 1 of 3.');
    expect(first.content).toContain(`• \`${OWNER_EMAIL}\``);
    const buttons = componentsOf(first).filter((c) => c.type === 2);
    expect(buttons.map((b) => [b.label, b.disabled])).toEqual([
      ['Previous', true],
      ['Next', false],
    ]);
    expect(componentsOf(first).find((c) => c.type === 3)?.options?.length).toBeLessThanOrEqual(20);
    const second = await world.click(inGuild(owner), messageOf(first), 'Next');
    expect(second.content).toContain('Page 2 of 3.');
    expect(second.content).not.toContain(`• \`${OWNER_EMAIL}\``);
    const third = await world.click(inGuild(owner), messageOf(second), 'Next');
    expect(third.content).toContain('Page 3 of 3.');
    expect(third.content).toContain('`p44@x.com`');
  });
});
