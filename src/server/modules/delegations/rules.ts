// The rules of an e-authorization, without I/O: who may be authorized, for which services,
// over which period, and what state an authorization is in at a given moment.
//
// Published rules:
// - the delegate is a Saudi citizen (identity number starting with 1) with an active account,
//   and not the holder themself;
// - every service named exists and is one the directorate allows to be delegated;
// - the period starts today or later and ends after it starts, at most one year later
//   (MAX_PERIOD_YEARS); the authorization is in force from the start of its first day to
//   the end of its last day, Riyadh time;
// - a holder authorizes a person for a service over one period at a time: an authorization
//   that overlaps another for the same delegate and a shared service is refused until the
//   other is revoked;
// - the holder revokes at once, and the revocation applies to the delegate's next request.
import { addDays, addYears, isoDate, type IsoDate } from '../../../domain/calendar';
import { identityKind } from '../../../domain/identity-number';
import type { ErrorCode } from '../../errors';

/** The longest authorization: a published limit, stated in the refusal's text as well. */
export const MAX_PERIOD_YEARS = 1;

export const DELEGATION_STATUSES = ['scheduled', 'in_force', 'expired', 'revoked'] as const;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];

type Period = { startsAt: Date; endsAt: Date; revokedAt: Date | null };

export function delegationStatus(d: Period, now: Date): DelegationStatus {
  if (d.revokedAt && d.revokedAt <= now) return 'revoked';
  if (d.startsAt > now) return 'scheduled';
  if (d.endsAt <= now) return 'expired';
  return 'in_force';
}

/**
 * What revoking does in each status: a revocation of a revoked authorization answers as the
 * first one did (a retried click), and one that has ended has nothing left to stop.
 */
export const ON_REVOKE = {
  scheduled: 'revoke',
  in_force: 'revoke',
  revoked: 'unchanged',
  expired: 'refuse',
} as const satisfies Record<DelegationStatus, 'revoke' | 'unchanged' | 'refuse'>;

export function canRevoke(status: DelegationStatus): boolean {
  return ON_REVOKE[status] === 'revoke';
}

/** Saudi Arabia keeps UTC+3 all year, so the kingdom's day is a fixed offset away. */
const RIYADH_OFFSET_MS = 3 * 3600_000;

export function kingdomDay(at: Date): IsoDate {
  return isoDate(new Date(at.getTime() + RIYADH_OFFSET_MS));
}

function riyadhMidnight(day: IsoDate): Date {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() - RIYADH_OFFSET_MS);
}

export type Refusal = { code: ErrorCode; details?: Record<string, unknown> };

/** The delegate as far as the identity number alone tells: not the holder, and a citizen. */
export function delegateRefusal(grantorIdNumber: string, delegateIdNumber: string): Refusal | null {
  if (grantorIdNumber === delegateIdNumber) return { code: 'delegation_to_self' };
  if (identityKind(delegateIdNumber) !== 'citizen') return { code: 'delegate_not_citizen' };
  return null;
}

/** Every service named must exist and be delegable; the offending codes go back in details. */
export function servicesRefusal(codes: readonly string[], catalogue: ReadonlyArray<{ code: string; delegable: boolean }>): Refusal | null {
  const known = new Map(catalogue.map((s) => [s.code, s]));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) return { code: 'delegation_service_not_found', details: { services: unknown } };
  const closed = codes.filter((c) => !known.get(c)!.delegable);
  if (closed.length > 0) return { code: 'delegation_service_not_delegable', details: { services: closed } };
  return null;
}

export type PeriodDecision = { ok: true; startsAt: Date; endsAt: Date } | { ok: false; refusal: Refusal };

/** Checks a period given as kingdom days (both included) and gives the instants it covers. */
export function decidePeriod(today: IsoDate, startsOn: IsoDate, endsOn: IsoDate): PeriodDecision {
  if (startsOn < today) return { ok: false, refusal: { code: 'delegation_start_in_past', details: { today } } };
  if (endsOn <= startsOn) return { ok: false, refusal: { code: 'delegation_end_not_after_start' } };
  const latestEndsOn = addYears(startsOn, MAX_PERIOD_YEARS);
  if (endsOn > latestEndsOn) return { ok: false, refusal: { code: 'delegation_period_too_long', details: { latestEndsOn, maxYears: MAX_PERIOD_YEARS } } };
  return { ok: true, ...periodInstants(startsOn, endsOn) };
}

export function periodInstants(startsOn: IsoDate, endsOn: IsoDate): { startsAt: Date; endsAt: Date } {
  return { startsAt: riyadhMidnight(startsOn), endsAt: riyadhMidnight(addDays(endsOn, 1)) };
}

/** The first and last kingdom days of a period, the inverse of periodInstants. */
export function periodDays(startsAt: Date, endsAt: Date): { startsOn: IsoDate; endsOn: IsoDate } {
  return { startsOn: kingdomDay(startsAt), endsOn: kingdomDay(new Date(endsAt.getTime() - 1)) };
}

/** Whether two periods share an instant (ends are exclusive). */
export function periodsOverlap(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** The first two and last two digits, so that each party can recognise the other without the whole number leaving. */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 2)}${'*'.repeat(Math.max(0, idNumber.length - 4))}${idNumber.slice(-2)}`;
}
