// Rules the visa services share: a resident may leave only with a valid iqama and passport,
// no unpaid traffic fines and no travel ban.
import { and, eq, gte, inArray } from 'drizzle-orm';
import { documents, serviceRequests } from '../../db/schema';
import { OPEN_STATUSES } from '../../../domain/requests/lifecycle';
import { daysBetween } from '../../../domain/calendar';
import type { ServiceContext } from '../definition';

export async function openVisa(ctx: ServiceContext, kind: 'exit_reentry_visa' | 'final_exit_visa') {
  const [row] = await ctx.db
    .select({ number: documents.number, expiresOn: documents.expiresOn })
    .from(documents)
    .where(and(eq(documents.holderIdNumber, ctx.beneficiary.idNumber), eq(documents.kind, kind), eq(documents.status, 'valid'), gte(documents.expiresOn, ctx.today)))
    .limit(1);
  return row ?? null;
}

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


/** A visa of this kind issued and unexpired, or a request for one not yet decided: a resident holds one exit document at a time. */
export async function visaOrRequestOpen(ctx: ServiceContext, kind: 'exit_reentry_visa' | 'final_exit_visa'): Promise<boolean> {
  if (await openVisa(ctx, kind)) return true;
  const [pending] = await ctx.db
    .select({ id: serviceRequests.id })
    .from(serviceRequests)
    .where(and(eq(serviceRequests.conflictKey, `${kind}:${ctx.beneficiary.idNumber}`), inArray(serviceRequests.status, [...OPEN_STATUSES])))
    .limit(1);
  return !!pending;
}
