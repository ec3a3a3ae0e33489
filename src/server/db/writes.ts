// Several writes in one statement. PostgreSQL runs data-modifying CTEs exactly once, to
// completion, in the statement's snapshot, and the statement is atomic: a change, its event,
// its audit record and its SMS written this way commit together or not at all, in one round
// trip instead of one per INSERT plus BEGIN and COMMIT. Foreign keys are checked at the end
// of the statement, so a CTE may insert rows that refer to the main statement's row.
// The writes must not depend on each other's results (each sees the snapshot from before
// the statement): an event and an audit row beside the change they record, not a read of it.
import { sql, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from './client';

/** A write to run beside others; absent ones (null, false) are skipped. */
export type Write = SQLWrapper | null | undefined | false;

/** `ex.with(...)` carrying the writes: finish it with the main `insert`, `update` or `select`. */
export function alongside(ex: Executor, writes: ReadonlyArray<Write>) {
  const ctes = present(writes).map((w, i) => ex.$with(`w${i}`, {}).as(w.getSQL()));
  return ex.with(...ctes);
}

/** Runs the writes as one statement (nothing else to return). */
export async function writeAll(ex: Executor, writes: ReadonlyArray<Write>): Promise<void> {
  const list = present(writes);
  if (list.length === 0) return;
  if (list.length === 1) {
    await ex.execute(list[0]!.getSQL());
    return;
  }
  const ctes = list.map((w, i) => sql`${sql.identifier(`w${i}`)} as (${w.getSQL()})`);
  await ex.execute(sql`with ${sql.join(ctes, sql`, `)} select 1`);
}

export function present(writes: ReadonlyArray<Write>): SQLWrapper[] {
  return writes.filter((w): w is SQLWrapper => !!w);
}
