// The dated parameters of the services: for a service, the value of each key in force on a
// day is the row with the latest effective date not after that day.
import { and, desc, eq, lte } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { serviceParameters } from '../db/schema';

export type Parameters = {
  /** The value in force; throws when the schedule has no row for the key (a configuration fault). */
  get(key: string): number;
  /** All keys in force, for the catalogue. */
  all(): Record<string, { value: number; unit: string; effectiveFrom: string }>;
};

export async function loadParameters(db: Executor, service: string, on: string): Promise<Parameters> {
  const rows = await db
    .select()
    .from(serviceParameters)
    .where(and(eq(serviceParameters.service, service), lte(serviceParameters.effectiveFrom, on)))
    .orderBy(serviceParameters.key, desc(serviceParameters.effectiveFrom));
  const current: Record<string, { value: number; unit: string; effectiveFrom: string }> = {};
  for (const r of rows) if (!(r.key in current)) current[r.key] = { value: r.value, unit: r.unit, effectiveFrom: r.effectiveFrom };
  return {
    get(key) {
      const p = current[key];
      if (!p) throw new Error(`no parameter ${service}.${key} in force on ${on}`);
      return p.value;
    },
    all: () => current,
  };
}

/**
 * The parameters as the services read them on their hot paths: each service's set for a day
 * is read once and kept for `ttlMs` (PARAMETERS_CACHE_SECONDS), so that a submission and its
 * bill do not ask the database for the schedule every time. A new day is a new key, so a row
 * published ahead of its effective day is in force from that day on every instance.
 */
export class ParameterStore {
  private readonly cache = new Map<string, { at: number; value: Promise<Parameters> }>();

  constructor(
    private readonly db: Executor,
    private readonly clock: { now(): Date },
    private readonly ttlMs: number,
  ) {}

  /**
   * Inside a transaction, pass it as `ex`: a read the cache cannot answer then goes through it
   * (the embedded database has one connection, which the transaction holds).
   */
  load(service: string, on: string, ex: Executor = this.db): Promise<Parameters> {
    if (this.ttlMs === 0) return loadParameters(ex, service, on);
    const key = `${service}|${on}`;
    const now = this.clock.now().getTime();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = loadParameters(ex, service, on);
    this.cache.set(key, { at: now, value });
    // A failed read is not kept: the next caller asks again.
    value.catch(() => this.cache.get(key)?.value === value && this.cache.delete(key));
    if (this.cache.size > 1000) this.prune(now);
    return value;
  }

  /** Forgets what was read: the next read asks the database (after the schedule was changed here). */
  invalidate(): void {
    this.cache.clear();
  }

  private prune(now: number): void {
    for (const [key, entry] of this.cache) if (now - entry.at >= this.ttlMs) this.cache.delete(key);
  }
}
