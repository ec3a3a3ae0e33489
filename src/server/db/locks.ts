// Named locks for what has no row of its own in the directorate's database (a worker's
// sponsorship lives in the population registry): a transaction-scoped advisory lock on the
// name's 64-bit hash, held until the transaction ends. Two transactions locking the same name
// run one after the other; a collision of two names only makes them wait for each other.
import { sql } from 'drizzle-orm';
import type { Executor } from './client';

export async function lockName(tx: Executor, name: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
}
