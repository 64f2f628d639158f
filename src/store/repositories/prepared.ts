import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Executor } from './executor.ts';

/** A value a prepared statement binds: one scalar, never a list (a list would change its text). */
export type Bound = string | number | bigint | null;

/** The named values one run of a prepared statement binds. */
export type BoundValues = Readonly<Record<string, Bound>>;

/** Stands in for a named value while the statement is compiled, marking its place among the parameters. */
class Placeholder {
  constructor(readonly name: string) {}
}

/** Values whose every field reads as its own placeholder. */
const PLACEHOLDERS = new Proxy(
  {},
  { get: (_target, name) => (typeof name === 'string' ? new Placeholder(name) : undefined) },
);

type DialectAdapter = ReturnType<Executor['getExecutor']>['adapter'];

/**
 * A statement of fixed text whose values alone change: Kysely builds and compiles it once per
 * dialect, and each run binds its values to that compiled query. On SQLite, building and compiling
 * a small query cost more than running it (issue 10), and every command runs the same dozen of
 * them. `build` must only pass its values on to Kysely, never look at them: while it runs they
 * are placeholders, so a branch on one would fix whichever shape the first run took.
 */
export function prepared<Values extends BoundValues, Row>(
  build: (db: Executor, values: Values) => Compilable<Row>,
): (db: Executor, values: Values) => Promise<QueryResult<Row>> {
  // Keyed by the dialect's adapter, which a Kysely instance shares with its transactions.
  const compiledFor = new WeakMap<DialectAdapter, CompiledQuery<Row>>();
  return async (db, values) => {
    const adapter = db.getExecutor().adapter;
    let compiled = compiledFor.get(adapter);
    if (!compiled) {
      compiled = compileWithPlaceholders(db, build, Object.keys(values));
      compiledFor.set(adapter, compiled);
    }
    const parameters = compiled.parameters.map((p) => (p instanceof Placeholder ? values[p.name] : p));
    return db.executeQuery({ ...compiled, parameters });
  };
}

function compileWithPlaceholders<Values extends BoundValues, Row>(
  db: Executor,
  build: (db: Executor, values: Values) => Compilable<Row>,
  names: readonly string[],
): CompiledQuery<Row> {
  // Kysely only carries each value into the parameter list, so a placeholder can stand where a
  // value of the declared type is expected; the values bound at each run are of those types.
  const compiled = build(db, PLACEHOLDERS as Values).compile();
  const bound = new Set(compiled.parameters.flatMap((p) => (p instanceof Placeholder ? [p.name] : [])));
  // A value given but not bound, or bound but not given, is a mistake in the statement, not a run's.
  const unbound = names.filter((name) => !bound.has(name));
  if (unbound.length > 0) throw new Error(`a prepared statement does not bind ${unbound.join(', ')}`);
  const missing = [...bound].filter((name) => !names.includes(name));
  if (missing.length > 0) throw new Error(`a prepared statement binds ${missing.join(', ')}, which it is not given`);
  return compiled;
}
