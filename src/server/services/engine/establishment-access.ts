// Who may act for an establishment: its owner (who opened it on the platform), or staff the
// owner authorized (an e-authorization limited to the establishment and to named services,
// for a period). Everything staff do is on the owner's behalf.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, delegations, establishments } from '../../db/schema';
import { AppError } from '../../errors';
import { delegationInForceSql } from './acting';

export type EstablishmentRow = typeof establishments.$inferSelect;

export type EstablishmentAccess = {
  establishment: EstablishmentRow;
  owner: { accountId: string; idNumber: string };
  /** The staff authorization used; null when the owner acts. */
  delegationId: string | null;
  /** Staff: the services they may carry out; the owner: all (null). */
  services: string[] | null;
  /** Staff: the authorizations in force. */
  staff: Array<typeof delegations.$inferSelect>;
};

/** The establishment as opened on the platform, or null. */
export async function findOpenedEstablishment(db: Executor, id: string): Promise<EstablishmentRow | null> {
  const [row] = await db.select().from(establishments).where(eq(establishments.id, id)).limit(1);
  return row ?? null;
}

/**
 * The actor's access to an establishment, for a service when one is named; throws
 * establishment_not_found (not opened, or not the actor's: which is none of their business)
 * or delegation_out_of_scope.
 */
export async function getEstablishmentAccess(db: Executor, now: Date, accountId: string, establishmentId: string, service?: string): Promise<EstablishmentAccess> {
  const access = await findEstablishmentAccess(db, now, accountId, establishmentId);
  if (!access) throw new AppError('establishment_not_found');
  if (!service || !access.services) return access;
  const covering = access.staff.find((d) => d.services.includes(service));
  if (!covering) throw new AppError('delegation_out_of_scope');
  return { ...access, delegationId: covering.id };
}

/** The same, or null when the actor has no access at all (service scope is not checked). */
export async function findEstablishmentAccess(db: Executor, now: Date, accountId: string, establishmentId: string): Promise<EstablishmentAccess | null> {
  // The establishment with its owner's account, in one round trip: every establishment page and service asks.
  const [found] = await db
    .select({ est: establishments, owner: { id: accounts.id, idNumber: accounts.idNumber, status: accounts.status } })
    .from(establishments)
    .innerJoin(accounts, eq(accounts.id, establishments.ownerAccountId))
    .where(eq(establishments.id, establishmentId))
    .limit(1);
  if (!found || found.owner.status !== 'active') return null;
  const { est, owner } = found;
  const ownerRef = { accountId: owner.id, idNumber: owner.idNumber };
  if (accountId === est.ownerAccountId) return { establishment: est, owner: ownerRef, delegationId: null, services: null, staff: [] };
  const staff = await db
    .select()
    .from(delegations)
    .where(
      and(
        eq(delegations.establishmentId, establishmentId),
        eq(delegations.grantorAccountId, est.ownerAccountId),
        eq(delegations.delegateAccountId, accountId),
        delegationInForceSql(now),
      ),
    );
  if (staff.length === 0) return null;
  // Two authorizations in force for different services: together they cover the union.
  const services = [...new Set(staff.flatMap((d) => d.services))];
  return { establishment: est, owner: ownerRef, delegationId: staff[0]!.id, services, staff };
}
