// Logging in: the password (first factor), then an SMS code (second factor), every time.
import { eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { accounts } from '../../db/schema';
import { AppError } from '../../errors';
import { parseIdentityNumber } from '../../../domain/identity-number';
import { audit } from '../../platform/audit';
import { addMs, DAY, SECOND } from '../../platform/clock';
import { newId, sixDigitCode } from '../../platform/crypto';
import { codeMessage } from '../sms/messages';
import { CODE_TTL_MS, codeHash, findChallenge, refuseUntried, resendChallenge, SENDS_PER_DAY, wrongCode, codeContext as ctx } from '../challenges';
import type { RequestMeta } from '../registrations/use-cases';
import { newSession, revokeSession } from './store';
import { tryCodeAndOpenSession } from './second-factor';
import { admitLoginGuess, recordFailure } from './throttle';
import { acceptPassword } from './first-factor';

type LoginMeta = RequestMeta & { language: 'ar' | 'en'; userAgent?: string | undefined; ip?: string | undefined };

/** Identity number (any digits) or username, as the account would be found by. */
export function normalizeLogin(login: string): { by: 'idNumber' | 'username'; value: string } {
  const id = parseIdentityNumber(login);
  return id ? { by: 'idNumber', value: id } : { by: 'username', value: login.trim().toLowerCase() };
}

/**
 * First factor. A wrong password and an unknown login take the same path (a throttle row,
 * one argon2 verification, a failure recorded) and get the same answer.
 */
export async function startLogin(deps: Deps, login: string, password: string, meta: LoginMeta) {
  const db = deps.database.db;
  // The account and the guess admitted against its throttle, in one statement (throttle.ts).
  const { account, throttle } = await admitLoginGuess(db, deps.clock, normalizeLogin(login));
  const ok = account ? await deps.passwords.verify(account.passwordHash, password) : await deps.passwords.verifyAgainstNothing(password);
  if (!account || !ok) {
    await db.transaction(async (tx) => {
      await recordFailure(tx, deps.clock, throttle);
      if (account) {
        await audit(tx, {
          at: deps.clock.now(),
          action: 'login.password_rejected',
          actor: { kind: 'anonymous' },
          subjectAccountId: account.id,
          channel: meta.channel,
          requestId: meta.requestId,
        });
      }
    });
    throw new AppError('invalid_credentials');
  }
  const now = deps.clock.now();
  const challengeId = newId();
  const code = sixDigitCode();
  const expiresAt = addMs(now, CODE_TTL_MS);
  // Lifts the failure count, creates the challenge, counts the send, queues the code and
  // audits, in one statement (see first-factor.ts).
  const sms = await acceptPassword(db, {
    throttleKey: throttle,
    account,
    challenge: { id: challengeId, codeHash: codeHash(deps.config.secretKey, challengeId, code), expiresAt, smsBody: codeMessage('login', code, account.language) },
    sendsPerDay: SENDS_PER_DAY,
    now,
    channel: meta.channel,
    requestId: meta.requestId,
  });
  if (!sms) throw new AppError('resend_daily_limit', undefined, DAY / SECOND);
  await deps.outbox.deliverClaimed([sms]);
  return { challengeId, expiresAt };
}

/**
 * Second factor: the code; a session for an active account. One statement tries the code and,
 * when it is right, uses the challenge, opens the session and audits it (see second-factor.ts).
 */
export async function completeLogin(deps: Deps, challengeId: string, code: string, meta: LoginMeta) {
  const db = deps.database.db;
  const { issued, row } = newSession(deps.clock, { userAgent: meta.userAgent, ip: meta.ip });
  const outcome = await tryCodeAndOpenSession(db, {
    challengeId,
    codeHash: codeHash(deps.config.secretKey, challengeId, code),
    now: row.createdAt,
    session: { id: issued.id, tokenHash: row.tokenHash, csrfHash: row.csrfHash, idleExpiresAt: issued.expiresAt, absoluteExpiresAt: row.absoluteExpiresAt, userAgent: row.userAgent, ip: row.ip },
    channel: meta.channel,
    requestId: meta.requestId,
  });
  switch (outcome.kind) {
    case 'untried':
      return refuseUntried(db, challengeId, 'login');
    case 'wrong':
      throw wrongCode(outcome.attempts);
    case 'refused':
      // The refusal is answered after its audit record committed.
      if (outcome.status === null) throw new AppError('challenge_not_found');
      throw new AppError(outcome.status === 'suspended' ? 'account_suspended' : 'account_not_activated');
    case 'opened':
      return issued;
  }
}

/** A new login code for an open challenge (at most one a minute and five a day per mobile). */
export async function resendLoginCode(deps: Deps, challengeId: string) {
  const challenge = await findChallenge(deps.database.db, challengeId, 'login');
  if (!challenge || !challenge.accountId || challenge.consumedAt) throw new AppError('challenge_not_found');
  const [account] = await deps.database.db.select({ language: accounts.language }).from(accounts).where(eq(accounts.id, challenge.accountId)).limit(1);
  const { smsId, nextResendAt } = await deps.database.db.transaction((tx) => resendChallenge(tx, ctx(deps), challenge, account?.language ?? 'ar'));
  await deps.outbox.deliver(smsId ? [smsId] : []);
  return { resendAvailableAt: nextResendAt };
}

export async function logout(deps: Deps, session: { sessionId: string; accountId: string }, meta: RequestMeta) {
  await deps.database.db.transaction(async (tx) => {
    await revokeSession(tx, deps.clock, session.sessionId);
    await audit(tx, {
      at: deps.clock.now(),
      action: 'session.ended',
      actor: { kind: 'account', id: session.accountId },
      subjectAccountId: session.accountId,
      channel: meta.channel,
      requestId: meta.requestId,
      details: { sessionId: session.sessionId },
    });
  });
}
