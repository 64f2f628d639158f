import { afterEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../src/core/index.ts';
import { type ConsoleHarness, codeFor, startConsole } from './console-harness.ts';

const OWNER = 'olivia@acme.test';
const BOB = 'bob@acme.test';

let harness: ConsoleHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** An organization with its owner, and Bob as a member who accepted with his code. */
async function acmeWithBob(): Promise<ConsoleHarness> {
  const h = await startConsole({ as: OWNER });
  harness = h;
  await h.send('setup Acme');
  const code = codeFor(await h.send(`invite ${BOB}`), BOB);
  await h.send(`as ${BOB}`);
  await h.send(`accept ${code}`);
  await h.send(`as ${OWNER}`);
  return h;
}

describe('console session', () => {
  it('lets the terminal user set up an organization, invite, and the invitee accept with the printed code', async () => {
    const h = await startConsole({ as: OWNER });
    harness = h;
    expect(await h.send('setup Acme')).toContain(`Created Acme. You (${OWNER}) are its first owner.`);

    const invited = await h.send(`/members invite ${BOB}`);
    expect(invited).toMatch(/Invited bob@acme\.test as Organization Member, expires in 48 hours\./);
    expect(invited).toContain(`[#terminal] ${OWNER} invited ${BOB} to Acme as Organization Member.`);

    expect(await h.send(`as ${BOB}`)).toBe(`You are now ${BOB}.\n`);
    const accepted = await h.send(`accept ${codeFor(invited, BOB)}`);
    expect(accepted).toContain(`Welcome to Acme: ${BOB} joined as Organization Member.`);
    expect(accepted).toContain(`[#terminal] card: ${BOB} accepted`);
  });

  it('lists members and pending invitations in aligned columns with expiry relative to the clock', async () => {
    const h = await acmeWithBob();
    await h.send('invite carol@acme.test as billing-admin');
    h.clock.advance(47 * HOUR);
    const listed = await h.send('list');
    expect(listed).toContain('Acme: 3 of 100 seats used');
    expect(listed).toContain(
      `  ${BOB}     Organization Member  joined 47 hours ago\n  ${OWNER}  Organization Owner   joined 47 hours ago`,
    );
    expect(listed).toContain(`  carol@acme.test  Organization Billing Admin  invited by ${OWNER}  expires in 1 hour`);
    const pendingOnly = await h.send('list pending');
    expect(pendingOnly).not.toContain('Members');
    expect(pendingOnly).toContain('carol@acme.test');
  });

  it('removes a member after a yes answer, telling the channel and the removed member', async () => {
    const h = await acmeWithBob();
    const answer = await h.send(`remove ${BOB}`, 'y');
    expect(answer).toContain(`Remove ${BOB} (Organization Member) from Acme? [y/N]\nRemoved ${BOB}.`);
    expect(answer).toContain(`[#terminal] ${OWNER} removed ${BOB} from Acme.`);
    expect(answer).toContain(`[DM ${BOB}] ${OWNER} removed you from Acme.`);
    expect(await h.send('list members')).not.toContain(BOB);
  });

  it('changes nothing when the confirmation is answered no', async () => {
    const h = await acmeWithBob();
    const answer = await h.send(`remove ${BOB}`, 'n');
    expect(answer).toContain('Cancelled; nothing changed.');
    expect(await h.send('list members')).toContain(BOB);
  });

  it('refuses to let the only owner leave', async () => {
    const h = await startConsole({ as: OWNER });
    harness = h;
    await h.send('setup Acme');
    expect(await h.send('leave')).toBe('You are the only owner and the only member, so you cannot leave.\n');
    expect(await h.send('list members')).toContain(`${OWNER}  Organization Owner`);
  });

  it('names transfer to the only owner who wants to leave, and hands over after a yes', async () => {
    const h = await acmeWithBob();
    expect(await h.send('leave')).toBe(
      `You are the only owner, so you cannot leave yet. Hand the organization over first: transfer <email> (members: ${BOB}).\n`,
    );
    const answer = await h.send(`transfer ${BOB}`, 'y');
    expect(answer).toContain(`Hand Acme to ${BOB}? They become an owner and you become a member. [y/N]`);
    expect(answer).toContain(`${BOB} now owns Acme; you are a member.`);
    expect(answer).toContain(`[#terminal] ${OWNER} handed Acme to ${BOB}, its new owner.`);
    expect(await h.send('list members')).toMatch(/bob@acme\.test +Organization Owner/);
  });

  it('tells a member they cannot remove someone', async () => {
    const h = await acmeWithBob();
    await h.send(`as ${BOB}`);
    expect(await h.send(`remove ${OWNER}`)).toBe('Only an owner can do that.\n');
  });

  it('answers unknown words and wrong arguments with help, never a stack trace', async () => {
    const h = await startConsole({ as: OWNER });
    harness = h;
    const unknown = await h.send('frobnicate the members');
    expect(unknown).toContain('Unknown command "frobnicate".');
    expect(unknown).toContain('invite <email>');
    expect(unknown).toContain('as <email>');
    expect(await h.send('role bob@acme.test')).toBe('Usage: role <email> <owner|billing-admin|member>\n');
  });

  it('switches who you are with as and /as, and asks who you are when nobody is chosen', async () => {
    const h = await startConsole();
    harness = h;
    expect(await h.send('list')).toBe('Choose who you are first: as <email>\n');
    expect(await h.send('as not-an-email')).toBe('Usage: as <email>\n');
    expect(await h.send(`/as ${OWNER.toUpperCase()}`)).toBe(`You are now ${OWNER}.\n`);
    await h.send('setup Acme');
    await h.send('as stranger@else.test');
    expect(await h.send('list')).toContain('You are not a member of this organization.');
  });
});

describe('console session on a terminal', () => {
  it('prompts with who you are and asks confirmations on the prompt line', async () => {
    const h = await startConsole({ as: OWNER, interactive: true });
    harness = h;
    await h.send('setup Acme');
    expect(h.output()).toContain('Rollcall console on the embedded database. You are olivia@acme.test.');
    expect(h.output()).toContain(`rollcall (${OWNER})> `);
    await h.send(`as ${BOB}`);
    expect(h.output()).toContain(`rollcall (${BOB})> `);
    await h.send(`as ${OWNER}`);
    await h.send(`invite ${BOB}`);
    const answer = await h.send(`revoke ${BOB}`, 'yes');
    expect(answer).toContain(`Revoke the invitation of ${BOB} (Organization Member, invited by ${OWNER})? [y/N] `);
    expect(answer).toContain(`Revoked the invitation of ${BOB}; its code no longer works.`);
  });
});
