import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { expectErr, expectOk } from '../support/core-harness.ts';
import { sharedBrowser } from './browser.ts';
import { pageWorlds } from './page-world.ts';

const world = pageWorlds('sqlite');
const browser = sharedBrowser();
const closers: Array<() => void> = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});

async function newPage() {
  const context = await (await browser()).newContext();
  closers.push(() => void context.close());
  return context.newPage();
}

const codeOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

describe('the invitation page in headless Chromium', () => {
  it('the emailed link shows the invitation; Accept makes a member and says welcome', async () => {
    const w = await world();
    const link = await w.emailedLink('bea@example.test');
    const page = await newPage();
    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    const body = await page.textContent('main');
    expect(body).toContain('owner@acme.test invited you to join Acme');
    expect(body).toContain('Organization Member');
    expect(body).toContain('48 hours');

    const [answered] = await Promise.all([page.waitForNavigation(), page.click('button:has-text("Accept")')]);
    expect(answered?.status()).toBe(200);
    expect(await page.textContent('h1')).toBe('Welcome to Acme');
    expect(await page.textContent('main')).toContain('You (bea@example.test) are now an Organization Member of Acme');
    const roster = expectOk(await w.core.list(w.owner, { what: 'members' }));
    expect(roster.members.map((m) => m.email)).toContain('bea@example.test');
    await w.dispatch();
    // The channel's announcement is a live card: its update says who accepted (SPEC §11).
    expect(w.terminal.delivered.map((n) => n.event.kind)).toContain('card_update');

    await page.goto(link);
    expect(await page.textContent('h1')).toBe('Invitation already used');
  });

  it('Decline on another invitation declines it and tells the inviter', async () => {
    const w = await world();
    const link = await w.emailedLink('cy@example.test');
    const page = await newPage();
    await page.goto(link);
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Decline")')]);
    expect(await page.textContent('h1')).toBe('Invitation declined');
    expectErr(await w.core.viewInvitation({ code: codeOf(link) }), 'invitation_not_pending');
    await w.dispatch();
    // The inviter's DM, and the channel's live card edited rather than a new post (SPEC §11).
    expect(w.terminal.delivered.filter((n) => n.event.kind === 'invitation_declined')).toHaveLength(1);
    expect(w.terminal.delivered.filter((n) => n.event.kind === 'card_update')).toHaveLength(1);
  });

  it('a form posted from another origin is refused and changes nothing, even with a valid token', async () => {
    const w = await world();
    const link = await w.emailedLink('dee@example.test');
    const html = await (await fetch(link)).text();
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const evil = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<form method="post" action="${link}"><input type="hidden" name="token" value="${token}">
        <input type="hidden" name="answer" value="accept"><button>Win a prize</button></form>`);
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    closers.push(() => void evil.close());
    const page = await newPage();
    await page.goto(`http://localhost:${(evil.address() as AddressInfo).port}/`);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('button')]);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('h1')).toBe('Form refused');
    expect(expectOk(await w.core.viewInvitation({ code: codeOf(link) })).email).toBe('dee@example.test');
    const roster = expectOk(await w.core.list(w.owner, { what: 'members' }));
    expect(roster.members.map((m) => m.email)).not.toContain('dee@example.test');
  });

  it('guessing codes meets 429 within 60 tries, and the real link then waits too', async () => {
    const w = await world();
    const link = await w.emailedLink('eve@example.test');
    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1) {
      statuses.push((await fetch(`${w.publicUrl}/invitations/GUESS${i}ABCDEFGHJKLMNPQRSTUVWXYZ234`)).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    const limited = await fetch(link);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
