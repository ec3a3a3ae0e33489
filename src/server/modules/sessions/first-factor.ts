// What follows a right password, in one statement: the throttle's failure count is lifted
// (when there is one: most logins have nothing to lift, and an update would still write),
// the login challenge created, its send counted and its SMS queued, and the audit record
// written, or, when the mobile has had its codes for the day, nothing at all. The SMS is
// queued already claimed for delivery right after (sms/outbox.ts, ClaimedSms). One statement
// is one transaction, as the steps were before, without the BEGIN/COMMIT round trips.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { perDatabase, prepareSql } from '../../db/prepared';
import type { AuditChannel } from '../../platform/audit';
import { addMs, DAY } from '../../platform/clock';
import { claimedSms, type ClaimedSms } from '../sms/outbox';

const p = (name: string) => sql.placeholder(name);

const statements = perDatabase((db: Db) => ({
  acceptPassword: prepareSql<{ created: boolean }>(
    db,
    'login_accept_password',
    sql`with sends as (
      select count(*) as n from otp_sends where mobile = ${p('mobile')}::text and sent_at > ${p('since')}::timestamptz
    ), allowed as (
      select 1 from sends where n < ${p('sendsPerDay')}::int
    ), lifted as (
      update login_throttles set consecutive_failures = 0, next_attempt_at = null
      where key = ${p('throttleKey')}::text and exists (select 1 from allowed)
        and (consecutive_failures <> 0 or next_attempt_at is not null)
    ), challenge as (
      insert into challenges (id, purpose, account_id, mobile, code_hash, created_at, sent_at, expires_at)
      select ${p('challengeId')}::uuid, 'login', ${p('accountId')}::uuid, ${p('mobile')}::text, ${p('codeHash')}::bytea,
             ${p('now')}::timestamptz, ${p('now')}::timestamptz, ${p('expiresAt')}::timestamptz
      from allowed
    ), counted as (
      insert into otp_sends (mobile, sent_at, resend) select ${p('mobile')}::text, ${p('now')}::timestamptz, false from allowed
    ), queued as (
      insert into sms_outbox (id, "to", body, kind, status, created_at, next_attempt_at, attempts, locked_until)
      select ${p('smsId')}::uuid, ${p('mobile')}::text, ${p('smsBody')}::text, 'otp', 'pending', ${p('now')}::timestamptz, ${p('now')}::timestamptz,
             1, ${p('smsLockedUntil')}::timestamptz
      from allowed
    ), audited as (
      insert into audit_log (at, action, actor_kind, actor_id, subject_account_id, channel, request_id, details)
      select ${p('now')}::timestamptz, 'login.password_accepted', 'account', ${p('accountId')}::text, ${p('accountId')}::uuid,
             ${p('channel')}::text, ${p('requestId')}::text, jsonb_build_object('challengeId', ${p('challengeId')}::text)
      from allowed
    )
    select exists (select 1 from allowed) as created`,
  ),
}));

export type AcceptedPassword = {
  throttleKey: string;
  account: { id: string; mobile: string };
  challenge: { id: string; codeHash: Buffer; expiresAt: Date; smsBody: string };
  sendsPerDay: number;
  now: Date;
  channel: AuditChannel;
  requestId: string | null;
};

/** The queued code, claimed for delivery, or null when the mobile's daily limit refused it (nothing written). */
export async function acceptPassword(db: Db, a: AcceptedPassword): Promise<ClaimedSms | null> {
  const { message, lockedUntil } = claimedSms({ to: a.account.mobile, body: a.challenge.smsBody, kind: 'otp' }, a.now);
  const [row] = await statements(db).acceptPassword({
    mobile: a.account.mobile,
    since: addMs(a.now, -DAY).toISOString(),
    sendsPerDay: a.sendsPerDay,
    throttleKey: a.throttleKey,
    challengeId: a.challenge.id,
    accountId: a.account.id,
    codeHash: a.challenge.codeHash,
    now: a.now.toISOString(),
    expiresAt: a.challenge.expiresAt.toISOString(),
    smsId: message.id,
    smsBody: message.body,
    smsLockedUntil: lockedUntil.toISOString(),
    channel: a.channel,
    requestId: a.requestId,
  });
  return row?.created ? message : null;
}
