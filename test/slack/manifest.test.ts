import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8');

/** The values of a YAML list under `key:`, one `- item` a line (comments dropped). */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.findIndex((line) => line.trim() === `${key}:`);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s*- ([^#\s]+)/.exec(line);
    if (!item?.[1]) break;
    items.push(item[1]);
  }
  return items;
}

describe('manifest.yml', () => {
  it('asks for exactly the bot scopes Rollcall uses', () => {
    expect(listUnder('bot')).toEqual(['commands', 'chat:write', 'im:write', 'users:read', 'users:read.email']);
  });

  it('declares /members with escaping and a usage hint, interactivity on, Socket Mode off', () => {
    expect(manifest).toMatch(/- command: \/members\n/);
    expect(manifest).toMatch(/\n\s+should_escape: true\n/);
    expect(manifest).toMatch(/\n\s+usage_hint: ".*invite.*"\n/);
    expect(manifest).toMatch(
      /interactivity:\n(\s+#.*\n)*\s+is_enabled: true\n\s+request_url: https:\/\/\S+\/slack\/events\n/,
    );
    expect(manifest).toMatch(/\n\s+socket_mode_enabled: false\n/);
  });

  it('turns the Home tab on and subscribes to app_home_opened at the events URL, with no scope for it', () => {
    expect(manifest).toMatch(/\n\s+home_tab_enabled: true\n/);
    expect(manifest).toMatch(/event_subscriptions:\n\s+request_url: https:\/\/\S+\/slack\/events\n\s+bot_events:\n/);
    expect(listUnder('bot_events')).toContain('app_home_opened');
  });

  it('subscribes the bot to user_change, for the offboarding prompt, at the events URL', () => {
    expect(listUnder('bot_events')).toContain('user_change');
    expect(manifest).toMatch(/event_subscriptions:\n\s+request_url: https:\/\/\S+\/slack\/events\n\s+bot_events:\n/);
  });
});
