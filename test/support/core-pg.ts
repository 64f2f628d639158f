import { sql } from 'kysely';
import { openStore, type Store } from '../../src/store/connect.ts';
import { PG_URL } from './stores.ts';

/** The PostgreSQL schema a test store lives in, for other connections or processes to open. */
export async function schemaOf(store: Store): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db);
  const schema = rows[0]?.schema;
  if (schema === undefined) throw new Error('no current schema');
  return schema;
}

/** Another pool on the same schema: what a second bot process would hold. */
export async function openSibling(store: Store, poolSize = 10): Promise<Store> {
  return openStore(PG_URL, { pgSchema: await schemaOf(store), poolSize });
}
