// Rules the visa services share: a resident may leave only with a valid iqama and passport,
// no unpaid traffic fines and no travel ban.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inConstants } from '../../db/predicates';
import { perDatabase } from '../../db/prepared';
import { documents, serviceRequests } from '../../db/schema';
import { OPEN_STATUSES } from '../../../domain/requests/lifecycle';
import { daysBetween } from '../../../domain/calendar';
import type { ServiceContext } from '../definition';

export function iqamaDaysLeft(ctx: ServiceContext): number | null {
  return ctx.beneficiary.iqama ? daysBetween(ctx.today, ctx.beneficiary.iqama.expiresOn) : null;
}

export function passportDaysLeft(ctx: ServiceContext): number | null {
  return ctx.beneficiary.passport ? daysBetween(ctx.today, ctx.beneficiary.passport.expiresOn) : null;
}

export async function departureChecks(ctx: ServiceContext): Promise<{ fines: number; banned: boolean }> {
  const [fines, banned] = await Promise.all([
    ctx.agencies.traffic.unpaidFinesHalalas(ctx.beneficiary.idNumber),
    ctx.agencies.travelBans.isBanned(ctx.beneficiary.idNumber),
  ]);
  return { fines, banned };
}

/**
 * Every departure check in one go: the traffic fines and the travel ban from their agencies,
 * and, in one query, which exit visas the resident holds and which are asked for.
 */
export async function exitChecks(ctx: ServiceContext) {
  const id = ctx.beneficiary.idNumber;
  const [departure, [open]] = await Promise.all([
    departureChecks(ctx),
    openExits(ctx.db as Db).execute({ id, today: ctx.today, exitReentryKey: `exit_reentry_visa:${id}`, finalExitKey: `final_exit_visa:${id}` }),
  ]);
  return { ...departure, ...open! };
}

/** Which exit visas a resident holds and which are asked for: one query, planned once per connection. */
export const openExits = perDatabase((db: Db) => {
  const visa = (kind: string) =>
    sql<boolean>`exists (select 1 from ${documents} where ${documents.holderIdNumber} = ${sql.placeholder('id')} and ${documents.kind} = ${kind} and ${documents.status} = 'valid' and ${documents.expiresOn} >= ${sql.placeholder('today')}::date)`;
  const asked = (key: string) =>
    sql<boolean>`exists (select 1 from ${serviceRequests} where ${serviceRequests.conflictKey} = ${sql.placeholder(key)} and ${inConstants(serviceRequests.status, OPEN_STATUSES)})`;
  return db
    .select({
      exitReentryVisa: visa('exit_reentry_visa'),
      finalExitVisa: visa('final_exit_visa'),
      exitReentryAsked: asked('exitReentryKey'),
      finalExitAsked: asked('finalExitKey'),
    })
    .from(sql`(select 1) as one`)
    .prepare('open_exit_documents');
});
