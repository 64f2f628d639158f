import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial.ts';
import * as outboxRetention from './002-outbox-retention-and-order.ts';
import * as checkConstraints from './003-check-constraints.ts';
import * as timeLimitsAndUndo from './004-time-limits-and-undo.ts';
import * as outboxSecret from './005-outbox-secret.ts';
import * as rosterOrderIndex from './006-roster-order-index.ts';
import * as slackInstallations from './007-slack-installations.ts';
import * as cards from './008-cards.ts';
import * as requestsAndDomains from './009-requests-and-domains.ts';
import * as linkCodes from './010-link-codes.ts';

/** Every migration, in order. Listed explicitly so bundling or a stray file can't reorder them. */
const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001-initial': initial,
  '002-outbox-retention-and-order': outboxRetention,
  '003-check-constraints': checkConstraints,
  '004-time-limits-and-undo': timeLimitsAndUndo,
  '005-outbox-secret': outboxSecret,
  '006-roster-order-index': rosterOrderIndex,
  '007-slack-installations': slackInstallations,
  '008-cards': cards,
  '009-requests-and-domains': requestsAndDomains,
  '010-link-codes': linkCodes,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
