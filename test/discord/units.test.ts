import { describe, expect, it } from 'vitest';
import { pages } from '../../adapters/discord/reply.ts';
import { BUTTON_ID_PATTERN, encodeButton, encodeIfFits, parseButton } from '../../adapters/shared/button-ids.ts';

describe('button ids', () => {
  it('round-trip every kind and carry nothing but the id', () => {
    for (const action of [
      { kind: 'confirm', actionId: 'a1' },
      { kind: 'cancel', actionId: 'a1' },
      { kind: 'accept', invitationId: '0b6c1f9e-1111-4a4a-9c9c-123456789abc' },
      { kind: 'decline', invitationId: 'i-2' },
      { kind: 'undo', undoId: '0b6c1f9e-1111-4a4a-9c9c-123456789abc' },
      { kind: 'resend', email: 'a.b+c@x.io' },
      { kind: 'revoke', email: 'a@x.io', workspaceId: '900000000000000001' },
      { kind: 'extend', email: 'a@x.io' },
      { kind: 'let_end', email: 'a@x.io' },
      { kind: 'offboard', email: 'a@x.io' },
      { kind: 'confirm', actionId: 'a1', workspaceId: '900000000000000001' },
    ] as const) {
      const id = encodeButton(action);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(parseButton(id)).toEqual(action);
      expect(id).toMatch(BUTTON_ID_PATTERN);
    }
  });

  it('claims only rollcall ids of a known kind', () => {
    expect(parseButton('other:confirm:a1')).toBeUndefined();
    expect(parseButton('rollcall:delete:a1')).toBeUndefined();
    expect(parseButton('rollcall:confirm:')).toBeUndefined();
    expect(parseButton('rollcall:confirm:a1:extra')).toBeUndefined();
    expect(parseButton('rollcall:resend:not-an-email')).toBeUndefined();
    expect(parseButton(`rollcall:offboard:${'a'.repeat(90)}@x.io`)).toBeUndefined();
  });

  it('leaves out a button naming an address too long for Discord’s 100-character custom_id', () => {
    expect(encodeIfFits({ kind: 'resend', email: `${'a'.repeat(60)}@x.io` })).toBeDefined();
    expect(encodeIfFits({ kind: 'resend', email: `${'a'.repeat(90)}@x.io` })).toBeUndefined();
  });
});

describe('long replies', () => {
  it('split on line breaks into pages Discord accepts', () => {
    const line = `• ${'m'.repeat(60)}@x.com Organization Member`;
    const text = Array.from({ length: 100 }, () => line).join('\n');
    const split = pages(text);
    expect(split.length).toBeGreaterThan(1);
    for (const page of split) expect(page.length).toBeLessThanOrEqual(2000);
    expect(split.join('\n')).toBe(text);
  });

  it('keep a short reply whole', () => {
    expect(pages('hello\nworld')).toEqual(['hello\nworld']);
  });
});
