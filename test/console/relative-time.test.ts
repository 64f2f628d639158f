import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../adapters/shared/time.ts';
import { HOUR, MINUTE } from '../../src/core/index.ts';

describe('relative times, the same on every surface', () => {
  const now = Date.UTC(2026, 0, 1);

  it.each([
    [now + 48 * HOUR - 5_000, 'in 48 hours'],
    [now + 47 * HOUR, 'in 47 hours'],
    [now + HOUR, 'in 1 hour'],
    [now + 90 * 1000, 'in 2 minutes'],
    [now + 10_000, 'in less than a minute'],
    [now - 10_000, 'just now'],
    [now - 5 * MINUTE, '5 minutes ago'],
    [now - 3 * 24 * HOUR, '3 days ago'],
  ])('words %d as "%s"', (at, expected) => {
    expect(relativeTime(at, now)).toBe(expected);
  });
});
