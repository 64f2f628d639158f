import { describe, expect, it } from 'vitest';
import { promptButtons } from '../../adapters/slack/render/prompt-buttons.ts';

const deactivated = (orgName: string, email: string) =>
  ({ kind: 'member_deactivated', orgName, email, role: 'member', platform: 'slack' }) as const;

describe("SPEC §12's buttons in Slack", () => {
  it('keeps "Remove from ‹Org›" within Slack’s 75-character button text', () => {
    const row = promptButtons(deactivated('A'.repeat(100), 'ann@x.io'));
    const [button] = row?.elements ?? [];
    const text = button && 'text' in button ? String(button.text?.text) : '';
    expect(text).toMatch(/^Remove from A+…$/);
    expect(text.length).toBe(75);
  });

  it('leaves the buttons out, not half of them, when an address would not fit a button id', () => {
    const long = `${'a'.repeat(90)}@x.io`;
    const reminder = {
      kind: 'invitation_reminder',
      orgName: 'Acme',
      invitationId: 'i1',
      email: long,
      role: 'member',
      which: 'half',
      expiresAt: 0,
    } as const;
    expect(promptButtons(reminder)).toBeUndefined();
    expect(promptButtons({ ...reminder, email: 'ann@x.io' })?.elements).toHaveLength(2);
  });
});
