// Reads and writes of e-authorizations, and of the account rows and records they refer to.
import { aliasedTable, and, asc, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, auditLog, delegations, serviceRequests } from '../../db/schema';

export type DelegationRow = typeof delegations.$inferSelect;

const partyColumns = {
  id: accounts.id,
  idNumber: accounts.idNumber,
  nameAr: accounts.nameAr,
  nameEn: accounts.nameEn,
  mobile: accounts.mobile,
  language: accounts.language,
  status: accounts.status,
};

/** The account on the other side of an authorization, as far as it is needed here. */
export type PartyRow = {
  id: string;
  idNumber: string;
  nameAr: string | null;
  nameEn: string | null;
  mobile: string;
  language: 'ar' | 'en';
  status: 'registered' | 'active' | 'suspended';
};

export async function findParty(ex: Executor, accountId: string): Promise<PartyRow | undefined> {
  const [row] = await ex.select(partyColumns).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  return row;
}

export async function findPartyByIdNumber(ex: Executor, idNumber: string): Promise<PartyRow | undefined> {
  const [row] = await ex.select(partyColumns).from(accounts).where(eq(accounts.idNumber, idNumber)).limit(1);
  return row;
}

/**
 * Serialises the grants between one holder and one delegate until the transaction ends, so
 * that two overlapping authorizations sent at once cannot both pass the overlap check.
 */
export async function lockPair(tx: Executor, grantorAccountId: string, delegateAccountId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`delegation:${grantorAccountId}:${delegateAccountId}`}, 0))`);
}

/**
 * The authorizations between the pair, in the same scope (personal, or the same establishment),
 * that are not revoked and share an instant with the period.
 */
export async function findOverlapping(
  tx: Executor,
  grantorAccountId: string,
  delegateAccountId: string,
  period: { startsAt: Date; endsAt: Date },
  establishmentId: string | null = null,
): Promise<DelegationRow[]> {
  return tx
    .select()
    .from(delegations)
    .where(
      and(
        eq(delegations.grantorAccountId, grantorAccountId),
        eq(delegations.delegateAccountId, delegateAccountId),
        establishmentId === null ? isNull(delegations.establishmentId) : eq(delegations.establishmentId, establishmentId),
        isNull(delegations.revokedAt),
        lt(delegations.startsAt, period.endsAt),
        gt(delegations.endsAt, period.startsAt),
      ),
    );
}

export async function insertDelegation(tx: Executor, row: DelegationRow): Promise<DelegationRow> {
  const [created] = await tx.insert(delegations).values(row).returning();
  return created!;
}

/** One authorization the holder gave, with its delegate; locked when a revocation is to follow. */
export async function findGiven(ex: Executor, grantorAccountId: string, delegationId: string, opts: { lock?: boolean } = {}) {
  const q = ex
    .select({ delegation: delegations, party: partyColumns })
    .from(delegations)
    .innerJoin(accounts, eq(accounts.id, delegations.delegateAccountId))
    .where(and(eq(delegations.id, delegationId), eq(delegations.grantorAccountId, grantorAccountId)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update', { of: delegations }) : await q;
  return row;
}

export async function markRevoked(tx: Executor, delegationId: string, at: Date): Promise<DelegationRow> {
  const [row] = await tx.update(delegations).set({ revokedAt: at }).where(eq(delegations.id, delegationId)).returning();
  return row!;
}

const LIST_LIMIT = 100;

/** The authorizations an account gave (with each delegate) or received (with each grantor), newest first. */
export async function listOf(ex: Executor, accountId: string, side: 'given' | 'received') {
  const party = aliasedTable(accounts, 'party');
  const [mine, theirs] = side === 'given' ? [delegations.grantorAccountId, delegations.delegateAccountId] : [delegations.delegateAccountId, delegations.grantorAccountId];
  return ex
    .select({
      delegation: delegations,
      party: { id: party.id, idNumber: party.idNumber, nameAr: party.nameAr, nameEn: party.nameEn, mobile: party.mobile, language: party.language, status: party.status },
    })
    .from(delegations)
    .innerJoin(party, eq(party.id, theirs))
    .where(eq(mine, accountId))
    .orderBy(desc(delegations.createdAt), desc(delegations.id))
    .limit(LIST_LIMIT);
}

/** The requests a delegate made under one authorization (the grantor's index narrows them first). */
export async function requestsUnder(ex: Executor, grantorAccountId: string, delegationId: string) {
  return ex
    .select()
    .from(serviceRequests)
    .where(and(eq(serviceRequests.onBehalfOfAccountId, grantorAccountId), eq(serviceRequests.delegationId, delegationId)))
    .orderBy(desc(serviceRequests.createdAt))
    .limit(LIST_LIMIT * 5);
}

/**
 * What the delegate did on the grantor's behalf under one authorization: the engine files
 * those records under the grantor's account with the authorization's id, so the grantor's
 * index on the audit log finds them.
 */
export async function auditUnder(ex: Executor, d: DelegationRow) {
  return ex
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectAccountId, d.grantorAccountId),
        gt(auditLog.at, new Date(d.createdAt.getTime() - 1)),
        eq(auditLog.actorId, d.delegateAccountId),
        eq(auditLog.onBehalfOf, d.grantorAccountId),
        sql`${auditLog.details}->>'delegationId' = ${d.id}`,
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .limit(LIST_LIMIT * 10);
}

/** An establishment's staff authorizations given by its owner, with each staff member, newest first. */
export async function staffOf(ex: Executor, ownerAccountId: string, establishmentId: string) {
  return ex
    .select({ delegation: delegations, party: partyColumns })
    .from(delegations)
    .innerJoin(accounts, eq(accounts.id, delegations.delegateAccountId))
    .where(and(eq(delegations.grantorAccountId, ownerAccountId), eq(delegations.establishmentId, establishmentId)))
    .orderBy(desc(delegations.createdAt), desc(delegations.id))
    .limit(LIST_LIMIT);
}
