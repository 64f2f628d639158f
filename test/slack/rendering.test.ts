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

  it('pages a long list with Previous/Next, one section and one menu a row, within 50 blocks', () => {
    const members = Array.from({ length: 20_000 }, (_, i) => ({
      ref: { memberRef: `ref${i}` },
      actions: ['role', 'remove'] as const,
      email: `p${i}@example.com`,
      role: 'member' as const,
      joinedAt: now,
    }));
    const roster = { orgName: 'Big & Co', limit: 50_000, seatsUsed: 20_010, members, pending: [] };
    const first = rosterReply(roster, 'members', now);
    expect(first.continued).toBeUndefined();
    expect(first.blocks?.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(first.blocks?.[0])).toContain('*Big &amp; Co*: 20000 members · 20010 of 50000 seats used');
    expect(JSON.stringify(first.blocks)).toContain('Page 1 of 500.');
    expect(JSON.stringify(first.blocks)).toContain('rollcall:page:list:members:2');
    expect(JSON.stringify(first.blocks)).not.toContain('Previous');
    const last = rosterReply(roster, 'members', now, 500);
    expect(JSON.stringify(last.blocks)).toContain('p19999@example.com');
    expect(JSON.stringify(last.blocks)).toContain('rollcall:page:list:members:499');
    expect(JSON.stringify(last.blocks)).not.toContain('Next');
  });
});
