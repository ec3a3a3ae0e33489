// The login's second factor in one statement: the code is tried (the try counted, and the
// challenge verified and used at once when the code is right), and for the right code the
// account is read, its session inserted and the audit record written. One statement is one
// transaction: a wrong try is committed on its own, as `verifyCode` does, and a right one
// commits with its session and its audit record, or not at all. Among concurrent submissions
// of the right code, the row lock and `verified_at is null` let exactly one through.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { perDatabase, prepareSql } from '../../db/prepared';
import type { AuditChannel } from '../../platform/audit';
import { CODE_MAX_ATTEMPTS } from '../challenges';

const p = (name: string) => sql.placeholder(name);

const statements = perDatabase((db: Db) => ({
  tryCodeAndOpenSession: prepareSql<{ attempts: number; verified: boolean; status: 'registered' | 'active' | 'suspended' | null }>(
    db,
    'login_try_code_and_open_session',
    sql`with tried as (
      update challenges
      set attempts = attempts + 1,
          verified_at = case when code_hash = ${p('codeHash')}::bytea then ${p('now')}::timestamptz end,
          consumed_at = case when code_hash = ${p('codeHash')}::bytea then ${p('now')}::timestamptz end
      where id = ${p('challengeId')}::uuid and purpose = 'login' and verified_at is null
        and attempts < ${CODE_MAX_ATTEMPTS} and expires_at > ${p('now')}::timestamptz
      returning account_id, attempts, verified_at is not null as verified
    ), holder as (
      select a.id, a.status from accounts a join tried t on t.verified and a.id = t.account_id
    ), opened as (
      insert into sessions (token_hash, id, account_id, csrf_hash, created_at, last_seen_at, idle_expires_at, absolute_expires_at, user_agent, ip)
      select ${p('tokenHash')}::bytea, ${p('sessionId')}::uuid, h.id, ${p('csrfHash')}::bytea, ${p('now')}::timestamptz, ${p('now')}::timestamptz,
             ${p('idleExpiresAt')}::timestamptz, ${p('absoluteExpiresAt')}::timestamptz, ${p('userAgent')}::text, ${p('ip')}::text
      from holder h where h.status = 'active'
    ), audited as (
      insert into audit_log (at, action, actor_kind, actor_id, subject_account_id, channel, request_id, details)
      select ${p('now')}::timestamptz,
             case when h.status = 'active' then 'session.created' else 'login.refused' end,
             'account', h.id::text, h.id, ${p('channel')}::text, ${p('requestId')}::text,
             case when h.status = 'active' then jsonb_build_object('sessionId', ${p('sessionId')}::text) else jsonb_build_object('reason', h.status) end
      from holder h
    )
    select t.attempts::int as attempts, t.verified, h.status from tried t left join holder h on true`,
  ),
}));

export type SecondFactorInput = {
  challengeId: string;
  codeHash: Buffer;
  now: Date;
  session: { id: string; tokenHash: Buffer; csrfHash: Buffer; idleExpiresAt: Date; absoluteExpiresAt: Date; userAgent: string | null; ip: string | null };
  channel: AuditChannel;
  requestId: string | null;
};

/**
 * - `untried`: no open login challenge matched (unknown, used, out of tries or expired);
 * - `wrong`: the try was counted, `attempts` so far;
 * - `opened`: the session exists; `refused`: the account is not active (the refusal audited).
 */
export type SecondFactorOutcome =
  | { kind: 'untried' }
  | { kind: 'wrong'; attempts: number }
  | { kind: 'opened' }
  | { kind: 'refused'; status: 'registered' | 'suspended' | null };

export async function tryCodeAndOpenSession(db: Db, input: SecondFactorInput): Promise<SecondFactorOutcome> {
  const { session } = input;
  const [row] = await statements(db).tryCodeAndOpenSession({
    challengeId: input.challengeId,
    codeHash: input.codeHash,
    now: input.now.toISOString(),
    tokenHash: session.tokenHash,
    sessionId: session.id,
    csrfHash: session.csrfHash,
    idleExpiresAt: session.idleExpiresAt.toISOString(),
    absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
    userAgent: session.userAgent,
    ip: session.ip,
    channel: input.channel,
    requestId: input.requestId,
  });
  if (!row) return { kind: 'untried' };
  if (!row.verified) return { kind: 'wrong', attempts: Number(row.attempts) };
  if (row.status === 'active') return { kind: 'opened' };
  return { kind: 'refused', status: row.status };
}
