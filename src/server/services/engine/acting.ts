// Who may apply for whom. The applicant acts for themself, for a member of their family in
// the registry, for a domestic worker they sponsor, or, as a delegate, through the relation
// of the holder who authorized them, within the services and the period authorized.
import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Deps } from '../../deps';
import type { Executor } from '../../db/client';
import { accounts, delegations } from '../../db/schema';
import { AppError, type ErrorCode } from '../../errors';
import type { RegistryPerson } from '../../adapters/population-registry/port';
import type { PersonalRelation, Relation, ServiceDefinition } from '../definition';
import { getEstablishmentAccess } from './establishment-access';

export type Acting = {
  relation: Relation;
  viaDelegate: boolean;
  /** Whose relation counts: the applicant, or the grantor when a delegate acts. */
  principal: { accountId: string; idNumber: string };
  onBehalfOfAccountId: string | null;
  delegationId: string | null;
  /** Acting for an establishment: its unified number. */
  establishmentId: string | null;
};

export async function relationOf(deps: Pick<Deps, 'registry'>, principalIdNumber: string, beneficiary: RegistryPerson): Promise<PersonalRelation | null> {
  if (principalIdNumber === beneficiary.idNumber) return 'self';
  const family = await deps.registry.familyOf(principalIdNumber);
  if (family.some((l) => l.memberIdNumber === beneficiary.idNumber)) return 'family';
  if (beneficiary.kind === 'resident' && beneficiary.sponsor?.kind === 'person' && beneficiary.sponsor.id === principalIdNumber) return 'domestic_worker';
  return null;
}

/** An e-authorization in force now for this delegate and service, or the reason there is none. */
export async function activeDelegation(deps: Deps, delegationId: string, delegateAccountId: string, service: string) {
  const [d] = await deps.database.db
    .select({ delegation: delegations, grantor: { id: accounts.id, idNumber: accounts.idNumber, status: accounts.status } })
    .from(delegations)
    .innerJoin(accounts, eq(accounts.id, delegations.grantorAccountId))
    .where(and(eq(delegations.id, delegationId), eq(delegations.delegateAccountId, delegateAccountId)))
    .limit(1);
  if (!d) throw new AppError('delegation_not_found');
  const refusal = delegationRefusal(d.delegation, deps.clock.now(), service);
  if (refusal) throw new AppError(refusal);
  if (d.grantor.status !== 'active') throw new AppError('delegation_not_in_force');
  return d;
}

/** Why an authorization cannot be used now for a service, or null when it can. */
export function delegationRefusal(d: Pick<typeof delegations.$inferSelect, 'revokedAt' | 'startsAt' | 'endsAt' | 'services'>, now: Date, service: string): ErrorCode | null {
  if (d.revokedAt && d.revokedAt <= now) return 'delegation_revoked';
  if (d.startsAt > now || d.endsAt <= now) return 'delegation_not_in_force';
  if (!d.services.includes(service)) return 'delegation_out_of_scope';
  return null;
}

/** The same test in SQL, for lists joined to the authorization. */
export function delegationInForceSql(now: Date) {
  return and(or(isNull(delegations.revokedAt), gt(delegations.revokedAt, now)), lte(delegations.startsAt, now), gt(delegations.endsAt, now));
}

/**
 * Read again inside the transaction that acts on it, under a share lock: a revocation that
 * committed since the first check wins, and one arriving now waits for this transaction.
 */
export async function confirmDelegation(tx: Executor, now: Date, delegationId: string, service: string): Promise<void> {
  const [d] = await tx.select().from(delegations).where(eq(delegations.id, delegationId)).limit(1).for('share');
  const refusal = d ? delegationRefusal(d, now, service) : 'delegation_not_found';
  if (refusal) throw new AppError(refusal);
}

export async function resolveActing(
  deps: Deps,
  applicant: { accountId: string; idNumber: string },
  def: ServiceDefinition<unknown>,
  beneficiary: RegistryPerson,
  delegationId: string | undefined,
  establishmentId?: string | undefined,
): Promise<Acting> {
  if (establishmentId) {
    if (delegationId) throw new AppError('invalid_input', { issues: [{ field: 'delegationId', problem: 'not with establishmentId: staff act through their establishment authorization' }] });
    const access = await getEstablishmentAccess(deps.database.db, deps.clock.now(), applicant.accountId, establishmentId, def.code);
    const relation: Relation =
      beneficiary.sponsor?.kind === 'establishment' && beneficiary.sponsor.id === establishmentId ? 'establishment_worker' : 'establishment_recruit';
    if (relation === 'establishment_recruit' && !def.relations.includes(relation)) throw new AppError('not_your_beneficiary');
    if (!def.relations.includes(relation)) throw new AppError('relation_not_allowed', { relation });
    if (!def.beneficiaryKinds.includes(beneficiary.kind)) throw new AppError('service_not_for_beneficiary', { kind: beneficiary.kind });
    return {
      relation,
      viaDelegate: access.delegationId !== null,
      principal: access.owner,
      onBehalfOfAccountId: access.delegationId ? access.owner.accountId : null,
      delegationId: access.delegationId,
      establishmentId,
    };
  }
  let principal = applicant;
  let onBehalfOfAccountId: string | null = null;
  if (delegationId) {
    if (!def.delegable) throw new AppError('delegation_out_of_scope');
    const d = await activeDelegation(deps, delegationId, applicant.accountId, def.code);
    // A staff authorization works only for its establishment, never for the owner's household.
    if (d.delegation.establishmentId !== null) throw new AppError('delegation_out_of_scope');
    principal = { accountId: d.grantor.id, idNumber: d.grantor.idNumber };
    onBehalfOfAccountId = d.grantor.id;
  }
  const relation = await relationOf(deps, principal.idNumber, beneficiary);
  if (!relation) throw new AppError('not_your_beneficiary');
  if (!def.relations.includes(relation)) throw new AppError('relation_not_allowed', { relation });
  if (!def.beneficiaryKinds.includes(beneficiary.kind)) throw new AppError('service_not_for_beneficiary', { kind: beneficiary.kind });
  return { relation, viaDelegate: !!delegationId, principal, onBehalfOfAccountId, delegationId: delegationId ?? null, establishmentId: null };
}
