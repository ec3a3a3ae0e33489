// A holder authorizes a Saudi citizen to carry out named services for them over a period.
// The authorization, its audit record and the delegate's SMS commit together.
import type { Deps } from '../../deps';
import type { Executor } from '../../db/client';
import { AppError } from '../../errors';
import { audit, type AuditChannel } from '../../platform/audit';
import { newId } from '../../platform/crypto';
import { allServices } from '../../services/catalogue';
import { findOverlapping, findPartyByIdNumber, insertDelegation, lockPair, type DelegationRow, type PartyRow } from './repository';
import { staffServicesRefusal } from './establishment-scope';
import { decidePeriod, delegateRefusal, kingdomDay, servicesRefusal, type Refusal } from './rules';
import type { Names } from './names';
import { noticeFor } from './notice';

export type GrantCommand = {
  grantor: { accountId: string; idNumber: string; name: Names };
  delegateIdNumber: string;
  services: string[];
  /** Kingdom days, both included; the start defaults to today. */
  startsOn?: string | undefined;
  endsOn: string;
  /**
   * A staff authorization: the establishment (unified number) it is limited to, whose owner is
   * the grantor; the services are then the establishment's. Null or absent: a personal one.
   */
  establishmentId?: string | null | undefined;
  meta: { requestId: string; channel: AuditChannel };
};

export type Granted = { delegation: DelegationRow; delegate: PartyRow; smsIds: string[] };

function refuse(r: Refusal | null): void {
  if (r) throw new AppError(r.code, r.details);
}

export async function grantDelegation(tx: Executor, deps: Pick<Deps, 'clock' | 'outbox'>, cmd: GrantCommand): Promise<Granted> {
  const now = deps.clock.now();
  const services = [...new Set(cmd.services)];
  // What the request alone decides comes first, so that nothing about the delegate's account
  // is revealed to a request that would be refused anyway.
  refuse(delegateRefusal(cmd.grantor.idNumber, cmd.delegateIdNumber));
  const establishmentId = cmd.establishmentId ?? null;
  refuse(establishmentId ? staffServicesRefusal(services) : servicesRefusal(services, allServices()));
  const today = kingdomDay(now);
  const period = decidePeriod(today, cmd.startsOn ?? today, cmd.endsOn);
  if (!period.ok) throw new AppError(period.refusal.code, period.refusal.details);

  // One code for "no account" and "not active": which of the two is none of the asker's business.
  const delegate = await findPartyByIdNumber(tx, cmd.delegateIdNumber);
  if (!delegate || delegate.status !== 'active') throw new AppError('delegate_account_not_active');

  await lockPair(tx, cmd.grantor.accountId, delegate.id);
  // A personal authorization and a staff one never clash: each is checked against its own scope.
  const clash = (await findOverlapping(tx, cmd.grantor.accountId, delegate.id, period, establishmentId)).find((d) => d.services.some((s) => services.includes(s)));
  if (clash) {
    throw new AppError('delegation_overlaps', { delegationId: clash.id, services: clash.services.filter((s) => services.includes(s)) });
  }

  const delegation = await insertDelegation(tx, {
    id: newId(),
    grantorAccountId: cmd.grantor.accountId,
    delegateAccountId: delegate.id,
    services,
    startsAt: period.startsAt,
    endsAt: period.endsAt,
    revokedAt: null,
    createdAt: now,
    establishmentId,
  });
  await audit(tx, {
    at: now,
    action: 'delegation.granted',
    actor: { kind: 'account', id: cmd.grantor.accountId },
    subjectAccountId: cmd.grantor.accountId,
    channel: cmd.meta.channel,
    requestId: cmd.meta.requestId,
    details: { delegationId: delegation.id, delegateAccountId: delegate.id, ...(establishmentId ? { establishmentId } : {}), services, startsAt: period.startsAt.toISOString(), endsAt: period.endsAt.toISOString() },
  });
  const smsId = await deps.outbox.enqueue(tx, { to: delegate.mobile, body: noticeFor('granted', delegation, cmd.grantor.name, delegate.language), kind: 'notice' });
  return { delegation, delegate, smsIds: [smsId] };
}
