// Where the sandbox population stands, kept in system_state: its seed and reference day
// (fixed at the first seeding, so that continuing the population later yields the same
// kind of people and never reuses an index), and the next free index of the seeded range
// and of the API range. Indices are reserved with one atomic UPDATE, so that two seeders
// or two API calls never receive the same people.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { systemState } from '../../db/schema';
import { BULK_LIMIT, INDEX_LIMIT } from '../../../domain/synthetic/population';

export const POPULATION_KEY = 'sandbox.population';
export const FIRST_START_KEY = 'sandbox.first_start';

export type PopulationState = {
  seed: number;
  /** YYYY-MM-DD: the seeded population's documents are placed relative to this day. */
  asOf: string;
  nextIndex: number;
  nextApiIndex: number;
};

/** Creates the state on first use; an existing state (and its seed) is kept. */
export async function ensurePopulationState(tx: Executor, init: { seed: number; asOf: string; now: Date }): Promise<PopulationState> {
  const initial: PopulationState = { seed: init.seed, asOf: init.asOf, nextIndex: 0, nextApiIndex: BULK_LIMIT };
  await tx.insert(systemState).values({ key: POPULATION_KEY, value: initial, updatedAt: init.now }).onConflictDoNothing();
  const [row] = await tx.select({ value: systemState.value }).from(systemState).where(eq(systemState.key, POPULATION_KEY));
  return row!.value as PopulationState;
}

/** Reserves `count` consecutive indices of the given range; returns the first. */
export async function reserveIndices(
  tx: Executor,
  range: 'seeded' | 'api',
  count: number,
  now: Date,
): Promise<{ first: number; state: PopulationState }> {
  const field = range === 'seeded' ? 'nextIndex' : 'nextApiIndex';
  const [row] = await tx
    .update(systemState)
    .set({
      value: sql`jsonb_set(${systemState.value}, ${`{${field}}`}::text[], to_jsonb((${systemState.value}->>${field})::bigint + ${count}::bigint))`,
      updatedAt: now,
    })
    .where(eq(systemState.key, POPULATION_KEY))
    .returning({ value: systemState.value });
  if (!row) throw new Error('the sandbox population state is missing');
  const state = row.value as PopulationState;
  const next = state[field];
  const limit = range === 'seeded' ? BULK_LIMIT : INDEX_LIMIT;
  if (next > limit) throw new Error(`the sandbox population is full (${range} range)`);
  return { first: next - count, state };
}

export async function firstStartDone(tx: Executor): Promise<boolean> {
  const [row] = await tx.select({ key: systemState.key }).from(systemState).where(eq(systemState.key, FIRST_START_KEY));
  return !!row;
}

export async function recordFirstStart(tx: Executor, value: Record<string, unknown>, now: Date): Promise<void> {
  await tx.insert(systemState).values({ key: FIRST_START_KEY, value, updatedAt: now });
}
