import { describe, expect, it } from 'vitest';
import { canonicalCode, codeMatches, hashCode, newInvitationCode } from '../../src/core/secret-codes.ts';

describe('invitation codes', () => {
  it('carry at least 128 bits: 32 characters from a 32-letter alphabet, never repeated', () => {
    const codes = Array.from({ length: 1000 }, newInvitationCode);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{32}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(32 * Math.log2(32)).toBeGreaterThanOrEqual(128);
  });

  it('match their hash whatever the case, spaces or dashes a person types, and nothing else', () => {
    const code = newInvitationCode();
    const stored = hashCode(code);
    expect(stored).not.toContain(code);
    expect(codeMatches(code.toLowerCase(), stored)).toBe(true);
    expect(codeMatches(`${code.slice(0, 8)}-${code.slice(8)}`, stored)).toBe(true);
    expect(codeMatches(newInvitationCode(), stored)).toBe(false);
    expect(canonicalCode(' ab-cd ')).toBe('ABCD');
  });
});
