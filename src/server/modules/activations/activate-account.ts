// The transactional core shared by every activation channel: the state change, its audit
// record and the SMS notice commit together or not at all.
import type { Db, Executor } from '../../db/client';
import { AppError } from '../../errors';
import { audit, type AuditEntry } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/crypto';
import type { SmsOutbox } from '../sms/outbox';
import { activationNotice, type PlaceName } from './activation-notice';
import { decideActivation, type ActivationChannel } from './activation-rules';
import { activateIfRegistered, activateWithAuditAndNotice, findAccountByIdNumber, type AccountActivationRow } from './repository';

export type ActivationCommand<C extends ActivationChannel = ActivationChannel> = {
  idNumber: string;
  channel: C;
  /** The channel client id or the office id. */
  location: string;
  /** How the notice names the location. */
  place: PlaceName;
  /** The officer's account at an office; null for a channel client. */
  activatedBy: string | null;
  actor: AuditEntry['actor'];
  requestId: string;
  /** Ids and kinds only, never personal data. */
  auditDetails: Record<string, unknown>;
};

export type ActivatedAccount<C extends ActivationChannel = ActivationChannel> = {
  accountId: string;
  status: 'active';
  channel: C;
  activatedAt: Date;
  location: string;
};

export type ActivationResult<C extends ActivationChannel = ActivationChannel> = {
  account: ActivatedAccount<C>;
  /** Outbox messages to deliver once the transaction has committed. */
  smsIds: string[];
};

export async function activateAccount<C extends ActivationChannel>(
  tx: Executor,
  ctx: { clock: Clock; outbox: SmsOutbox },
  cmd: ActivationCommand<C>,
): Promise<ActivationResult<C>> {
  const at = ctx.clock.now();
  const activated = await activateIfRegistered(tx, cmd.idNumber, {
    channel: cmd.channel,
    location: cmd.location,
    at,
    by: cmd.activatedBy,
  });
  if (activated) {
    await audit(tx, {
      at,
      action: 'account.activated',
      actor: cmd.actor,
      subjectAccountId: activated.id,
      channel: cmd.channel,
      requestId: cmd.requestId,
      details: cmd.auditDetails,
    });
    const smsId = await ctx.outbox.enqueue(tx, {
      to: activated.mobile,
      body: activationNotice(activated.language, cmd.channel, cmd.place, at),
      kind: 'notice',
    });
    return { account: toActivated(activated, cmd.channel), smsIds: [smsId] };
  }

  // Not registered (any more): the conditional update waited for a concurrent activation to
  // commit, so this read sees the row as that one left it.
  const current = await findAccountByIdNumber(tx, cmd.idNumber);
  if (!current) throw new AppError('registration_not_found');
  const decision = decideActivation(current, cmd.channel);
  if (decision.kind === 'refuse') throw new AppError(decision.code);
  if (decision.kind === 'activate') {
    // No transition leads back to registered, so the update cannot have missed a registered row.
    throw new Error('account changed back to registered during activation');
  }
  return { account: toActivated(current, cmd.channel), smsIds: [] };
}

/**
 * The common case of `activateAccount` in one statement, outside any transaction: a registered
 * account is activated, audited and its notice queued together. Null when the account was not
 * registered (unknown, already active, suspended): run `activateAccount` then, which says why.
 */
export async function activateIfStillRegistered<C extends ActivationChannel>(
  db: Db,
  ctx: { clock: Clock },
  cmd: ActivationCommand<C>,
): Promise<ActivationResult<C> | null> {
  const at = ctx.clock.now();
  const smsId = newId();
  const accountId = await activateWithAuditAndNotice(
    db,
    { idNumber: cmd.idNumber, channel: cmd.channel, location: cmd.location, at, by: cmd.activatedBy },
    { actorKind: cmd.actor.kind, actorId: cmd.actor.id ?? null, requestId: cmd.requestId, details: cmd.auditDetails },
    { smsId, ar: activationNotice('ar', cmd.channel, cmd.place, at), en: activationNotice('en', cmd.channel, cmd.place, at) },
  );
  if (!accountId) return null;
  return { account: { accountId, status: 'active', channel: cmd.channel, activatedAt: at, location: cmd.location }, smsIds: [smsId] };
}

/** `channel` is the requested one: the row was just activated by it, or already was (a repeat). */
function toActivated<C extends ActivationChannel>(row: AccountActivationRow, channel: C): ActivatedAccount<C> {
  if (row.activationChannel !== channel || !row.activationLocation || !row.activatedAt) {
    throw new Error(`account ${row.id} has no activation record by ${channel}`);
  }
  return {
    accountId: row.id,
    status: 'active',
    channel,
    activatedAt: row.activatedAt,
    location: row.activationLocation,
  };
}
