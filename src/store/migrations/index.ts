import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial.ts';

/** Every migration, in order. Listed explicitly so bundling or a stray file can't reorder them. */
const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001-initial': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
