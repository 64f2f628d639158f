import { describe, expect, it } from 'vitest';
import { discordCaller, expectOk, fixtures, join, slackCaller } from '../support/core-harness.ts';
import { outboxRows } from '../support/core-snapshot.ts';
import { availableDialects } from '../support/stores.ts';

const dialects = await availableDialects();

describe.each(dialects)('offboarding prompt (%s)', (dialect) => {
  const make = fixtures(dialect);

  it('a deactivated member prompts the channel to remove them, changing nothing else', async () => {
    const { core, store, clock } = await make.bare();
    const owner = slackCaller('U0', 'owner@x.test');
    expectOk(await core.setup(owner, { orgName: 'Acme', isPlatformAdmin: true }));
    expectOk(await core.setChannel(owner, { channelId: 'C-team' }));
    await join(core, owner, 'ann@x.test');
    const activity = expectOk(await core.activity(owner, {}));
    const outcome = await core.platformUserDeactivated(slackCaller('U-ann', 'ann@x.test'));
    expect(outcome).toEqual({ prompted: true });
    const prompts = (await outboxRows(store)).filter((r) => r.event.kind === 'member_deactivated');
    expect(prompts.map((r) => [r.destination, r.event, r.created_at])).toEqual([
      [
        { kind: 'channel', channelId: 'C-team' },
        { kind: 'member_deactivated', orgName: 'Acme', email: 'ann@x.test', role: 'member', platform: 'slack' },
        clock(),
      ],
    ]);
    expect(expectOk(await core.whoAmI(slackCaller('U-ann', 'ann@x.test'))).role).toBe('member');
    expect(expectOk(await core.activity(owner, {}))).toEqual(activity);
  });

  it('a linked account without an email the platform vouches for is found through its link', async () => {
    const { core, store } = await make.bare();
    const admin = discordCaller('D-admin');
    expectOk(await core.setup(admin, { orgName: 'Acme', isPlatformAdmin: true, email: 'admin@x.test' }));
    expect(await core.platformUserDeactivated(discordCaller('D-admin'))).toEqual({ prompted: true });
    // No channel set yet on Discord: the member was recognised, but there is nowhere to post.
    expect((await outboxRows(store)).map((r) => r.event.kind)).toEqual([]);
  });

  it('a stranger, or a workspace with no organization, prompts nothing', async () => {
    const { core, store } = await make.bare();
    const owner = slackCaller('U0', 'owner@x.test');
    expectOk(await core.setup(owner, { orgName: 'Acme', isPlatformAdmin: true }));
    expectOk(await core.setChannel(owner, { channelId: 'C-team' }));
    const before = await outboxRows(store);
    expect(await core.platformUserDeactivated(slackCaller('U9', 'stranger@x.test'))).toEqual({ prompted: false });
    expect(await core.platformUserDeactivated(discordCaller('D-unknown'))).toEqual({ prompted: false });
    expect(await core.platformUserDeactivated(slackCaller('U0', 'owner@x.test', 'T-other'))).toEqual({
      prompted: false,
    });
    expect(await outboxRows(store)).toEqual(before);
  });
});
