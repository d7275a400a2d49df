// Queries asked on every API request (the session, a plan's head), built and compiled by Kysely once per
// database handle; each call binds its own parameters to the same SQL. On a cached dashboard answer the
// builder and compiler cost about as much as the queries themselves.
import type { CompiledQuery } from 'kysely';
import type { Executor } from './statistics.ts';

/**
 * A query compiled on first use with placeholder parameters; `run(db, params)` executes it with `params` in
 * the order the compiled SQL numbers them ($1, $2, …), which is the order the builder received them.
 */
export function compiledOnce<R>(build: (db: Executor) => CompiledQuery<R>) {
  const byDb = new WeakMap<Executor, CompiledQuery<R>>();
  return async (db: Executor, parameters: readonly unknown[]): Promise<R[]> => {
    let q = byDb.get(db);
    if (!q) {
      q = build(db);
      if (q.parameters.length !== parameters.length)
        throw new Error(`compiled query takes ${q.parameters.length} parameters, got ${parameters.length}`);
      byDb.set(db, q);
    }
    return (await db.executeQuery<R>({ ...q, parameters })).rows;
  };
}
