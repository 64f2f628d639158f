import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../adapters/shared/time.ts';
import { packSections } from '../../adapters/slack/render/paged.ts';
import { rosterReply } from '../../adapters/slack/render/roster.ts';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 10, 23, 12);

describe('relative times', () => {
  it('reads the 48-hour invitation window in hours, and longer spans in days', () => {
    expect(relativeTime(now + 47.5 * HOUR, now)).toBe('in 48 hours');
    expect(relativeTime(now + 48 * HOUR, now)).toBe('in 48 hours');
    expect(relativeTime(now + 72 * HOUR, now)).toBe('in 3 days');
    expect(relativeTime(now + 60_000, now)).toBe('in 1 minute');
    expect(relativeTime(now + 30_000, now)).toBe('in less than a minute');
    expect(relativeTime(now - 3 * 60_000, now)).toBe('3 minutes ago');
  });
});

describe('long lists in Block Kit', () => {
  it('keeps every section under 3,000 characters and drops no entry', () => {
    const entries = Array.from({ length: 5_000 }, (_, i) => `*person${i}@example.com*\nMember · Verified`);
    const { blocks, counts } = packSections(entries);
    for (const block of blocks) expect(block.text?.text.length).toBeLessThanOrEqual(3_000);
    const shown = blocks.reduce((n, block) => n + (block.text?.text.split('\n\n').length ?? 0), 0);
    expect(shown).toBe(5_000);
    expect(counts.reduce((n, c) => n + c, 0)).toBe(5_000);
  });

  it('says how many did not fit and how to narrow the list', () => {
    const members = Array.from({ length: 20_000 }, (_, i) => ({
      email: `p${i}@example.com`,
      role: 'member' as const,
      joinedAt: now,
    }));
    const roster = { orgName: 'Big & Co', limit: 50_000, seatsUsed: 20_010, members, pending: [] };
    const reply = rosterReply(roster, 'members', now);
    const messages = [reply, ...(reply.continued ?? [])];
    // Five messages: all a response_url takes.
    expect(messages.length).toBe(5);
    for (const message of messages) expect(message.blocks?.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(messages.at(-1)?.blocks)).toMatch(/…and \d+ more\. Narrow it with/);
    expect(JSON.stringify(reply.blocks?.[0])).toContain('*Big &amp; Co*: 20000 members · 20010 of 50000 seats used');
  });
});
