// Reads and writes of establishments opened on the platform, and the rows the establishments'
// pages gather: staff authorizations, the open requests of a page of workers, the
// establishment's requests.
import { and, count, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { isConstant, inConstants } from '../../db/predicates';
import { perDatabase } from '../../db/prepared';
import { accounts, auditLog, bills, delegations, establishments, serviceRequests } from '../../db/schema';
import { OPEN_STATUSES } from '../../../domain/requests/lifecycle';
import { delegationInForceSql } from '../../services/engine/acting';
import type { RequestRole } from './schemas';

export type EstablishmentRow = typeof establishments.$inferSelect;
export type RequestRow = typeof serviceRequests.$inferSelect;
export type BillRow = typeof bills.$inferSelect;

/** Establishments opened on the platform among these unified numbers. */
export async function openedAmong(ex: Executor, ids: string[]): Promise<Map<string, EstablishmentRow>> {
  if (ids.length === 0) return new Map();
  const rows = await ex.select().from(establishments).where(inArray(establishments.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Opens an establishment on the platform; null when it was already open (the first opening
 * stands, and two at once cannot both succeed).
 */
export async function insertEstablishment(tx: Executor, row: EstablishmentRow): Promise<EstablishmentRow | null> {
  const [created] = await tx.insert(establishments).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

/**
 * The establishments a staff member holds authorizations in force for, with the union of the
 * services authorized, the owner still active and the establishment still open.
 */
export async function staffEstablishments(ex: Executor, delegateAccountId: string, now: Date) {
  const rows = await ex
    .select({ establishment: establishments, services: delegations.services, endsAt: delegations.endsAt })
    .from(delegations)
    .innerJoin(establishments, and(eq(establishments.id, delegations.establishmentId), eq(establishments.ownerAccountId, delegations.grantorAccountId)))
    .innerJoin(accounts, and(eq(accounts.id, delegations.grantorAccountId), eq(accounts.status, 'active')))
    .where(and(eq(delegations.delegateAccountId, delegateAccountId), isNotNull(delegations.establishmentId), delegationInForceSql(now)))
    .orderBy(establishments.id);
  const byId = new Map<string, { establishment: EstablishmentRow; services: Set<string>; endsAt: Date }>();
  for (const r of rows) {
    const entry = byId.get(r.establishment.id) ?? { establishment: r.establishment, services: new Set<string>(), endsAt: r.endsAt };
    r.services.forEach((s) => entry.services.add(s));
    if (r.endsAt > entry.endsAt) entry.endsAt = r.endsAt;
    byId.set(r.establishment.id, entry);
  }
  return [...byId.values()].map((e) => ({ establishment: e.establishment, services: [...e.services].sort(), endsAt: e.endsAt }));
}

// The identity numbers go as one array value: a page's hundred bound values cost more to
// build, parse and bind than the query itself. Planned once per connection. The array is of
// the column's type (char(10)): as text[] the comparison would be on id_number::text, which the
// beneficiary index cannot serve.
export const openOf = perDatabase((db: Db) =>
  db
    .select()
    .from(serviceRequests)
    .where(and(sql`${serviceRequests.beneficiaryIdNumber} = any(${sql.placeholder('ids')}::bpchar[])`, inArray(serviceRequests.status, [...OPEN_STATUSES])))
    .orderBy(desc(serviceRequests.createdAt))
    .prepare('open_requests_of'),
);

/** The open requests of these persons, in one query (the workers page's column). */
export async function openRequestsOf(db: Db, idNumbers: string[]): Promise<Map<string, RequestRow[]>> {
  const out = new Map<string, RequestRow[]>();
  if (idNumbers.length === 0) return out;
  const rows = await openOf(db).execute({ ids: idNumbers });
  for (const r of rows) out.set(r.beneficiaryIdNumber, [...(out.get(r.beneficiaryIdNumber) ?? []), r]);
  return out;
}

/** The open requests holding these conflict keys (at most one each, by the unique index). */
export async function openByConflictKey(ex: Executor, keys: string[]): Promise<Map<string, RequestRow>> {
  if (keys.length === 0) return new Map();
  const rows = await openByConflictKeyQuery(ex, keys);
  return new Map(rows.map((r) => [r.conflictKey!, r]));
}

export function openByConflictKeyQuery(ex: Executor, keys: string[]) {
  return ex.select().from(serviceRequests).where(and(inArray(serviceRequests.conflictKey, keys), inConstants(serviceRequests.status, OPEN_STATUSES)));
}

/**
 * A page of the establishment's requests, newest first: those it made, and the transfers of
 * services awaiting its release. Staff see only the services they are authorized for.
 */
export async function establishmentRequests(
  ex: Executor,
  establishmentId: string,
  services: string[] | null,
  page: { offset: number; limit: number },
  role?: RequestRole,
) {
  const applicant = eq(serviceRequests.establishmentId, establishmentId);
  const releasing = and(eq(serviceRequests.releaseFrom, establishmentId), isConstant(serviceRequests.status, 'awaiting_release'));
  const mine = role === 'applicant' ? applicant : role === 'releasing' ? releasing : or(applicant, releasing);
  const where = services ? and(mine, inArray(serviceRequests.service, services)) : mine;
  const [rows, [c]] = await Promise.all([
    ex.select().from(serviceRequests).where(where).orderBy(desc(serviceRequests.createdAt), desc(serviceRequests.id)).offset(page.offset).limit(page.limit),
    ex.select({ n: count() }).from(serviceRequests).where(where),
  ]);
  return { rows, total: Number(c?.n ?? 0) };
}

export async function billsFor(ex: Executor, requestIds: string[]): Promise<BillRow[]> {
  if (requestIds.length === 0) return [];
  return ex.select().from(bills).where(inArray(bills.requestId, requestIds)).orderBy(bills.createdAt);
}

export type ViewRecord = {
  at: Date;
  action: string;
  actorAccountId: string;
  onBehalfOf: string | null;
  channel: 'web' | 'api';
  requestId: string;
  establishmentId: string;
  idNumbers: string[];
};

/**
 * Records that a user of the establishment looked at these workers' records: one row per
 * worker (each sees it in their access log), written in one statement.
 */
export async function recordWorkerViews(ex: Executor, v: ViewRecord): Promise<void> {
  if (v.idNumbers.length === 0) return;
  // How the viewer stood to the worker then, which the registry may no longer say later.
  const details = { relation: 'establishment_worker', establishmentId: v.establishmentId };
  // One row per worker, the identity numbers sent as one JSON array rather than a page's
  // hundred rows of bound values (building and binding those cost more than the insert).
  await ex.execute(sql`
    insert into ${auditLog} (at, action, actor_kind, actor_id, subject_account_id, subject_id_number, on_behalf_of, channel, request_id, details)
    select ${v.at}, ${v.action}, 'account', ${v.actorAccountId}, null, worker.id_number, ${v.onBehalfOf}, ${v.channel}, ${v.requestId}, ${JSON.stringify(details)}::jsonb
    from jsonb_array_elements_text(${JSON.stringify(v.idNumbers)}::jsonb) as worker(id_number)
  `);
}
