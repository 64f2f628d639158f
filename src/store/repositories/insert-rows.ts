import { CompiledQuery, type Insertable, PostgresAdapter } from 'kysely';
import type { Database } from '../schema.ts';
import type { Executor } from './executor.ts';

/** A row with every listed column given (null included), so none falls back to a default. */
export type FullRow<T extends keyof Database, C extends keyof Insertable<Database[T]>> = {
  readonly [K in C]-?: Exclude<Insertable<Database[T]>[K], undefined>;
};

/** Bound values per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_VALUES = 30_000;

/** Statement texts by table, columns and row count; the sweep reuses a handful, so a small bound suffices. */
const texts = new Map<string, string>();
const KEPT_TEXTS = 64;

function statementText(table: string, columns: readonly string[], rows: number, postgres: boolean): string {
  const key = `${postgres ? 'pg' : 'sqlite'}|${table}|${columns.join(',')}|${rows}`;
  let text = texts.get(key);
  if (text === undefined) {
    const width = columns.length;
    const tuple = (row: number) =>
      `(${columns.map((_, column) => (postgres ? `$${row * width + column + 1}` : '?')).join(', ')})`;
    const tuples = Array.from({ length: rows }, (_, row) => tuple(row)).join(', ');
    text = `insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) values ${tuples}`;
    if (texts.size >= KEPT_TEXTS) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/**
 * Inserts many rows in as few statements as the bound-value limits allow, in the order given: the
 * same statement Kysely's `insertInto().values()` issues. Kysely builds an operation node per value
 * and compiles a ~44 KB text for each 1,000-row insert, which took as long as SQLite took to run it
 * (the sweep's outbox and activity rows); here the text is built once per shape and handed to the
 * statement cache as the same string, and the values go straight to the driver.
 */
export async function insertRows<T extends keyof Database & string, C extends keyof Insertable<Database[T]> & string>(
  db: Executor,
  table: T,
  columns: readonly C[],
  rows: readonly FullRow<T, C>[],
): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const perStatement = Math.max(1, Math.floor(MAX_VALUES / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const part = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    for (const row of part) for (const column of columns) values.push(row[column]);
    await db.executeQuery(CompiledQuery.raw(statementText(table, columns, part.length, postgres), values));
  }
}

/** Every insertable column of a table: what a write of whole rows gives in full. */
type AllColumns<T extends keyof Database> = keyof Insertable<Database[T]> & string;

/** A row of `T` with every column given. */
export type WholeRow<T extends keyof Database> = FullRow<T, AllColumns<T>>;

/**
 * Whole rows (every column given, null included): `insertRows` with the first row's keys as the
 * columns, so the one place that builds the rows also says which columns they fill.
 */
export async function insertWholeRows<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: readonly WholeRow<T>[],
): Promise<void> {
  const [first] = rows;
  if (first !== undefined) await insertRows(db, table, Object.keys(first) as AllColumns<T>[], rows);
}

/** One whole row: see insertWholeRows. */
export function insertRow<T extends keyof Database & string>(db: Executor, table: T, row: WholeRow<T>): Promise<void> {
  return insertWholeRows(db, table, [row]);
}
