// The holder revokes an authorization at once. The delegate's next request is refused (the
// engine reads the authorization again inside the transaction of every submission); the
// revocation, its audit record and the delegate's SMS commit together.
import type { Deps } from '../../deps';
import type { Executor } from '../../db/client';
import { AppError } from '../../errors';
import { audit, type AuditChannel } from '../../platform/audit';
import { findGiven, markRevoked, type DelegationRow, type PartyRow } from './repository';
import { delegationStatus, ON_REVOKE } from './rules';
import type { Names } from './names';
import { noticeFor } from './notice';

export type RevokeCommand = {
  grantor: { accountId: string; name: Names };
  delegationId: string;
  /** Revoking through an establishment: the authorization must be that establishment's staff authorization. */
  establishmentId?: string | undefined;
  meta: { requestId: string; channel: AuditChannel };
};

export type Revoked = { delegation: DelegationRow; delegate: PartyRow; smsIds: string[] };

export async function revokeDelegation(tx: Executor, deps: Pick<Deps, 'clock' | 'outbox'>, cmd: RevokeCommand): Promise<Revoked> {
  // Locked, so that two revocations (a double click) send one SMS and write one record.
  const found = await findGiven(tx, cmd.grantor.accountId, cmd.delegationId, { lock: true });
  // Only the holder who gave it may revoke it; to anyone else it does not exist.
  if (!found || (cmd.establishmentId !== undefined && found.delegation.establishmentId !== cmd.establishmentId)) throw new AppError('delegation_not_found');
  const now = deps.clock.now();
  const outcome = ON_REVOKE[delegationStatus(found.delegation, now)];
  if (outcome === 'unchanged') return { delegation: found.delegation, delegate: found.party, smsIds: [] };
  if (outcome === 'refuse') throw new AppError('delegation_already_ended');

  const delegation = await markRevoked(tx, found.delegation.id, now);
  await audit(tx, {
    at: now,
    action: 'delegation.revoked',
    actor: { kind: 'account', id: cmd.grantor.accountId },
    subjectAccountId: cmd.grantor.accountId,
    channel: cmd.meta.channel,
    requestId: cmd.meta.requestId,
    details: {
      delegationId: delegation.id,
      delegateAccountId: delegation.delegateAccountId,
      ...(delegation.establishmentId ? { establishmentId: delegation.establishmentId } : {}),
      services: delegation.services,
    },
  });
  const smsId = await deps.outbox.enqueue(tx, { to: found.party.mobile, body: noticeFor('revoked', delegation, cmd.grantor.name, found.party.language), kind: 'notice' });
  return { delegation, delegate: found.party, smsIds: [smsId] };
}
