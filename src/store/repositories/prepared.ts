import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Executor } from './executor.ts';

/** A value a prepared statement binds: one scalar, never a list (a list would change its text). */
export type Bound = string | number | bigint | null;

/** Stands in for the n-th argument while the statement is compiled, marking its place among the parameters. */
class Placeholder {
  constructor(readonly index: number) {}
}

type DialectAdapter = ReturnType<Executor['getExecutor']>['adapter'];

/**
 * A statement of fixed text whose values alone change: Kysely builds and compiles it once per
 * dialect, and each run binds its arguments to that compiled query. On SQLite, building and
 * compiling a small query cost more than running it (issue 10), and every command runs the same
 * dozen of them. `build` must not look at its arguments: while it runs they are placeholders, so a
 * branch on them would fix whichever shape the first run took.
 */
export function prepared<Args extends readonly Bound[], Row>(
  build: (db: Executor, ...args: Args) => Compilable<Row>,
): (db: Executor, ...args: Args) => Promise<QueryResult<Row>> {
  // Keyed by the dialect's adapter, which a Kysely instance shares with its transactions.
  const compiledFor = new WeakMap<DialectAdapter, CompiledQuery<Row>>();
  return (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let compiled = compiledFor.get(adapter);
    if (!compiled) {
      compiled = compileWithPlaceholders(db, build, args.length);
      compiledFor.set(adapter, compiled);
    }
    const parameters = compiled.parameters.map((p) => (p instanceof Placeholder ? args[p.index] : p));
    return db.executeQuery({ ...compiled, parameters });
  };
}

function compileWithPlaceholders<Args extends readonly Bound[], Row>(
  db: Executor,
  build: (db: Executor, ...args: Args) => Compilable<Row>,
  arity: number,
): CompiledQuery<Row> {
  const placeholders = Array.from({ length: arity }, (_, index) => new Placeholder(index));
  // Kysely only carries each value into the parameter list, so a placeholder can stand where the
  // argument's type is expected; the values bound at each run are of the declared types.
  const compiled = build(db, ...(placeholders as unknown as Args)).compile();
  const bound = new Set(compiled.parameters.filter((p) => p instanceof Placeholder).map((p) => p.index));
  if (bound.size !== arity) throw new Error(`a prepared statement binds ${bound.size} of its ${arity} arguments`);
  return compiled;
}
