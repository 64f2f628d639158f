import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alice, inGuild, NOTIFICATIONS, owner } from '../discord/harness.ts';
import { TwoPlatforms } from './two-platforms-world.ts';

const SLACK_OWNER = 'UOWNER';
const SLACK_CHANNEL = 'C0ROLL';

function codeIn(text: string, pattern: RegExp): string {
  const code = pattern.exec(text)?.[1];
  if (code === undefined) throw new Error(`no code in: ${text}`);
  return code;
}

describe('one organization on Slack and Discord, one bot process', () => {
  let world: TwoPlatforms;
  beforeEach(async () => {
    world = await TwoPlatforms.start();
    world.slackFake.addUser({ id: SLACK_OWNER, email: 'owner@x.com', isAdmin: true });
  });
  afterEach(() => world.close());

  it('links the Discord server with a code from Slack; an invitation from Slack accepted on Discord is told in both channels', async () => {
    expect(await world.slash(SLACK_OWNER, 'setup Acme')).toContain('Created *Acme*');
    expect(await world.slash(SLACK_OWNER, `channel <#${SLACK_CHANNEL}|rollcall>`)).toContain(`<#${SLACK_CHANNEL}>`);
    const shown = await world.slash(SLACK_OWNER, 'link');
    const linkCode = codeIn(shown, /`([A-Z2-9]{4}(?:-[A-Z2-9]{4}){3})`/);
    expect(shown).toContain(`/members link code:${linkCode}`);

    // Olivia manages the Discord server and is the same person as the Slack owner.
    const notAdmin = await world.command(inGuild(owner), 'link', { code: linkCode });
    expect(notAdmin.content).toContain('Only');
    const linked = await world.command(inGuild(owner, { manageServer: true }), 'link', { code: linkCode });
    expect(linked.content).toContain(
      'This server is now part of **Acme** (on Slack and Discord); you act as `owner@x.com`.',
    );
    const again = await world.command(inGuild(owner, { manageServer: true }), 'link', { code: linkCode });
    expect(again.content).toContain('That link code is wrong, already used');
    const channel = await world.command(inGuild(owner), 'channel', { channel: { channel: NOTIFICATIONS } });
    expect(channel.content).toContain(`<#${NOTIFICATIONS}>`);

    const invited = await world.slash(SLACK_OWNER, 'invite alice@x.com');
    const invitationCode = codeIn(invited, /([A-Z2-9]{32})/);
    const accepted = await world.command(inGuild(alice), 'accept', { code: invitationCode });
    expect(accepted.content).toContain('Welcome to **Acme**');
    await world.deliver();

    const slackPosts = world.slackFake
      .callsTo('chat.postMessage')
      .filter((body) => body.channel === SLACK_CHANNEL)
      .map((body) => String(body.text));
    expect(slackPosts).toEqual([
      expect.stringContaining('linked Acme to Discord'),
      expect.stringContaining('invited *alice@x.com* to Acme'),
    ]);
    // The announcement is a live card in each channel: the acceptance edits it (SPEC §11).
    const slackEdits = world.slackFake.callsTo('chat.update').filter((body) => body.channel === SLACK_CHANNEL);
    expect(slackEdits.map((body) => String(body.text))).toEqual([expect.stringContaining('*alice@x.com*: accepted ✓')]);
    const discordPosts = world.discordFake.messages.inChannel(NOTIFICATIONS).map((m) => m.content);
    expect(discordPosts).toEqual([expect.stringContaining('`alice@x.com`: accepted ✓')]);

    // Each platform's list shows the same people.
    const fromDiscord = await world.command(inGuild(alice), 'list', { what: 'members' });
    expect(fromDiscord.content).toContain('`owner@x.com` Organization Owner');
    expect(fromDiscord.content).toContain('`alice@x.com` Organization Member');
    const fromSlack = await world.slash(SLACK_OWNER, 'list members');
    expect(fromSlack).toContain('alice@x.com');
    expect(fromSlack).toContain('owner@x.com');
  });
});
