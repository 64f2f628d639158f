import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** A database handle or an open transaction: repositories take either, first. */
export type Executor = Kysely<Database>;
