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
