// Logging in: the password (first factor), then an SMS code (second factor), every time.
import { eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { accounts } from '../../db/schema';
import { AppError } from '../../errors';
import { parseIdentityNumber } from '../../../domain/identity-number';
import { audit } from '../../platform/audit';
import { consumeChallenge, createChallenge, findChallenge, resendChallenge, verifyCode, codeContext as ctx } from '../challenges';
import type { RequestMeta } from '../registrations/use-cases';
import { issueSession, revokeSession } from './store';
import { admitGuess, recordFailure, recordSuccess, throttleKey } from './throttle';

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
  const key = normalizeLogin(login);
  const [account] = await db
    .select({ id: accounts.id, passwordHash: accounts.passwordHash, mobile: accounts.mobile, language: accounts.language })
    .from(accounts)
    .where(key.by === 'idNumber' ? eq(accounts.idNumber, key.value) : eq(accounts.username, key.value))
    .limit(1);
  const throttle = throttleKey(account?.id ?? null, `${key.by}:${key.value}`);
  await admitGuess(db, deps.clock, throttle);
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
  const { challenge, smsId } = await db.transaction(async (tx) => {
    await recordSuccess(tx, throttle);
    const created = await createChallenge(tx, ctx(deps), { purpose: 'login', mobile: account.mobile, language: account.language, accountId: account.id });
    await audit(tx, {
      at: deps.clock.now(),
      action: 'login.password_accepted',
      actor: { kind: 'account', id: account.id },
      subjectAccountId: account.id,
      channel: meta.channel,
      requestId: meta.requestId,
      details: { challengeId: created.challenge.id },
    });
    return created;
  });
  await deps.outbox.deliver(smsId ? [smsId] : []);
  return { challengeId: challenge.id, expiresAt: challenge.expiresAt };
}

/** Second factor: the code; a session for an active account. */
export async function completeLogin(deps: Deps, challengeId: string, code: string, meta: LoginMeta) {
  const db = deps.database.db;
  const challenge = await verifyCode(db, ctx(deps), challengeId, 'login', code);
  const outcome = await db.transaction(async (tx) => {
    if (!(await consumeChallenge(tx, deps.clock, challengeId))) throw new AppError('code_already_used');
    const [account] = await tx.select({ id: accounts.id, status: accounts.status }).from(accounts).where(eq(accounts.id, challenge.accountId!)).limit(1);
    if (!account) throw new AppError('challenge_not_found');
    const now = deps.clock.now();
    if (account.status !== 'active') {
      await audit(tx, {
        at: now,
        action: 'login.refused',
        actor: { kind: 'account', id: account.id },
        subjectAccountId: account.id,
        channel: meta.channel,
        requestId: meta.requestId,
        details: { reason: account.status },
      });
      return { refused: account.status === 'suspended' ? ('account_suspended' as const) : ('account_not_activated' as const), session: null };
    }
    const session = await issueSession(tx, deps.clock, account.id, { userAgent: meta.userAgent, ip: meta.ip });
    await audit(tx, {
      at: now,
      action: 'session.created',
      actor: { kind: 'account', id: account.id },
      subjectAccountId: account.id,
      channel: meta.channel,
      requestId: meta.requestId,
      details: { sessionId: session.id },
    });
    return { refused: null, session };
  });
  // The refusal is answered after its audit record committed.
  if (outcome.refused) throw new AppError(outcome.refused);
  return outcome.session!;
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
