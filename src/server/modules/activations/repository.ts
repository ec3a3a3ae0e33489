// Reads and writes of the account rows that activation touches.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { perDatabase, prepareSql } from '../../db/prepared';
import { accounts } from '../../db/schema';
import type { ActivationChannel } from './activation-rules';

const p = (name: string) => sql.placeholder(name);

const activationColumns = {
  id: accounts.id,
  idNumber: accounts.idNumber,
  mobile: accounts.mobile,
  language: accounts.language,
  status: accounts.status,
  activationChannel: accounts.activationChannel,
  activationLocation: accounts.activationLocation,
  activatedAt: accounts.activatedAt,
};

export type AccountActivationRow = {
  id: string;
  idNumber: string;
  mobile: string;
  language: 'ar' | 'en';
  status: 'registered' | 'active' | 'suspended';
  activationChannel: ActivationChannel | null;
  activationLocation: string | null;
  activatedAt: Date | null;
};

export async function findAccountByIdNumber(ex: Executor, idNumber: string): Promise<AccountActivationRow | undefined> {
  const [row] = await ex.select(activationColumns).from(accounts).where(eq(accounts.idNumber, idNumber)).limit(1);
  return row;
}

/**
 * Activates the account only if it is still registered, in one statement: among concurrent
 * requests exactly one gets the row back, the others get nothing and re-read.
 */
export async function activateIfRegistered(
  tx: Executor,
  idNumber: string,
  activation: { channel: ActivationChannel; location: string; at: Date; by: string | null },
): Promise<AccountActivationRow | undefined> {
  const [row] = await tx
    .update(accounts)
    .set({
      status: 'active',
      activationChannel: activation.channel,
      activationLocation: activation.location,
      activatedAt: activation.at,
      activatedBy: activation.by,
    })
    .where(and(eq(accounts.idNumber, idNumber), eq(accounts.status, 'registered')))
    .returning(activationColumns);
  return row;
}

const statements = perDatabase((db: Db) => ({
  activateAuditAndNotify: prepareSql<{ id: string }>(
    db,
    'activation_with_audit_and_notice',
    sql`with activated as (
      update accounts
      set status = 'active', activation_channel = ${p('channel')}::text, activation_location = ${p('location')}::text,
          activated_at = ${p('at')}::timestamptz, activated_by = ${p('by')}::uuid
      where id_number = ${p('idNumber')}::char(10) and status = 'registered'
      returning id, mobile, language
    ), audited as (
      insert into audit_log (at, action, actor_kind, actor_id, subject_account_id, channel, request_id, details)
      select ${p('at')}::timestamptz, 'account.activated', ${p('actorKind')}::text, ${p('actorId')}::text, a.id, ${p('channel')}::text,
             ${p('requestId')}::text, ${p('details')}::jsonb
      from activated a
    ), notice as (
      insert into sms_outbox (id, "to", body, kind, status, created_at, next_attempt_at)
      select ${p('smsId')}::uuid, a.mobile, case when a.language = 'en' then ${p('noticeEn')}::text else ${p('noticeAr')}::text end,
             'notice', 'pending', ${p('at')}::timestamptz, ${p('at')}::timestamptz
      from activated a
    )
    select id from activated`,
  ),
}));

/**
 * Activates the account if it is still registered, writes the audit record and queues the
 * holder's SMS notice, in one statement (so one transaction, with no BEGIN/COMMIT round
 * trips). The account id, or undefined when the account was not registered: the caller then
 * takes the transactional path, which says why.
 */
export async function activateWithAuditAndNotice(
  db: Db,
  activation: { idNumber: string; channel: ActivationChannel; location: string; at: Date; by: string | null },
  audit: { actorKind: string; actorId: string | null; requestId: string; details: Record<string, unknown> },
  notice: { smsId: string; ar: string; en: string },
): Promise<string | undefined> {
  const [row] = await statements(db).activateAuditAndNotify({
    idNumber: activation.idNumber,
    channel: activation.channel,
    location: activation.location,
    at: activation.at.toISOString(),
    by: activation.by,
    actorKind: audit.actorKind,
    actorId: audit.actorId,
    requestId: audit.requestId,
    details: JSON.stringify(audit.details),
    smsId: notice.smsId,
    noticeAr: notice.ar,
    noticeEn: notice.en,
  });
  return row?.id;
}
