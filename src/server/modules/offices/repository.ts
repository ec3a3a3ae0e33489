// The passports offices and airport desks, as the directorate lists them.
import { asc, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { offices } from '../../db/schema';

export type OfficeRow = typeof offices.$inferSelect;

/** Offices first, then airport desks; each kind in the order of its id. */
export async function listOffices(db: Executor): Promise<OfficeRow[]> {
  return db.select().from(offices).orderBy(sql`${offices.kind} <> 'office'`, asc(offices.id));
}
