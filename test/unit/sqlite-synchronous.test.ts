import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/connect.ts';

/** SQLite's numbers for the setting: 1 is NORMAL, 2 is FULL. */
async function synchronousOf(synchronous: 'NORMAL' | 'FULL' | undefined): Promise<number | undefined> {
  const path = join(mkdtempSync(join(tmpdir(), 'rollcall-sync-')), 'sync.db');
  const store = await openStore(`sqlite:${path}`, synchronous === undefined ? {} : { synchronous });
  try {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
    return rows[0]?.synchronous;
  } finally {
    await store.close();
  }
}

describe('SQLITE_SYNCHRONOUS', () => {
  it('is NORMAL unless set, and reads FULL in either case', () => {
    expect(loadConfig({}).sqliteSynchronous).toBe('NORMAL');
    expect(loadConfig({ SQLITE_SYNCHRONOUS: 'full' }).sqliteSynchronous).toBe('FULL');
    expect(loadConfig({ SQLITE_SYNCHRONOUS: ' FULL ' }).sqliteSynchronous).toBe('FULL');
    expect(loadConfig({ SQLITE_SYNCHRONOUS: '' }).sqliteSynchronous).toBe('NORMAL');
  });

  it('refuses any other value with one line that names the variable and both choices', () => {
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(ConfigError);
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(
      /^Invalid configuration: SQLITE_SYNCHRONOUS must be NORMAL .* or FULL .*, e\.g\. SQLITE_SYNCHRONOUS=FULL$/,
    );
  });

  it('is the pragma the SQLite connection runs with', async () => {
    expect(await synchronousOf(undefined)).toBe(1);
    expect(await synchronousOf('NORMAL')).toBe(1);
    expect(await synchronousOf('FULL')).toBe(2);
  });
});
