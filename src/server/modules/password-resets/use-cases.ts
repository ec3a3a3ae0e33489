// Forgotten password: the identity number and the registered mobile, an SMS code, a new
// password. Whether the details matched an account is not revealed: an unmatched request
// gets a challenge like any other, whose code is never sent. The reset ends every session.
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { accounts } from '../../db/schema';
import { AppError, type Language } from '../../errors';
import { checkPassword } from '../../../domain/password-policy';
import { audit } from '../../platform/audit';
import { consumeChallenge, createChallenge, findChallenge, resendChallenge, verifyCode, codeContext as ctx } from '../challenges';
import { isCommonPassword } from '../passwords/common-passwords';
import { noticeMessage } from '../sms/messages';
import { revokeAccountSessions } from '../sessions/store';
import type { RequestMeta } from '../registrations/use-cases';

export async function startPasswordReset(deps: Deps, input: { idNumber: string; mobile: string }, meta: RequestMeta & { language: Language }) {
  const db = deps.database.db;
  const [account] = await db
    .select({ id: accounts.id, language: accounts.language })
    .from(accounts)
    .where(and(eq(accounts.idNumber, input.idNumber), eq(accounts.mobile, input.mobile)))
    .limit(1);
  const { challenge, smsId } = await db.transaction(async (tx) => {
    const created = await createChallenge(tx, ctx(deps), {
      purpose: 'password_reset',
      mobile: input.mobile,
      language: account?.language ?? meta.language,
      accountId: account?.id,
      silent: !account,
    });
    await audit(tx, {
      at: deps.clock.now(),
      action: account ? 'password_reset.started' : 'password_reset.unmatched',
      actor: { kind: 'anonymous' },
      subjectAccountId: account?.id ?? null,
      channel: meta.channel,
      requestId: meta.requestId,
      details: { challengeId: created.challenge.id },
    });
    return created;
  });
  await deps.outbox.deliver(smsId ? [smsId] : []);
  return { resetId: challenge.id, expiresAt: challenge.expiresAt };
}

export async function resendPasswordResetCode(deps: Deps, resetId: string, language: Language) {
  const challenge = await findChallenge(deps.database.db, resetId, 'password_reset');
  if (!challenge) throw new AppError('challenge_not_found');
  const [account] = challenge.accountId
    ? await deps.database.db.select({ language: accounts.language }).from(accounts).where(eq(accounts.id, challenge.accountId)).limit(1)
    : [];
  const { smsId, nextResendAt } = await deps.database.db.transaction((tx) => resendChallenge(tx, ctx(deps), challenge, account?.language ?? language));
  await deps.outbox.deliver(smsId ? [smsId] : []);
  return { resendAvailableAt: nextResendAt };
}

export async function verifyPasswordReset(deps: Deps, resetId: string, code: string) {
  await verifyCode(deps.database.db, ctx(deps), resetId, 'password_reset', code);
  return { verified: true as const };
}

export async function completePasswordReset(deps: Deps, resetId: string, password: string, meta: RequestMeta) {
  const db = deps.database.db;
  const challenge = await findChallenge(db, resetId, 'password_reset');
  if (!challenge) throw new AppError('challenge_not_found');
  if (!challenge.verifiedAt || !challenge.accountId) throw new AppError('code_not_verified');
  if (challenge.consumedAt) throw new AppError('code_already_used');
  // The verified code is good for the flow's lifetime (the code's own 5 minutes plus time to type a password).
  if (challenge.verifiedAt.getTime() + 15 * 60_000 < deps.clock.now().getTime()) throw new AppError('code_expired');
  const [account] = await db.select().from(accounts).where(eq(accounts.id, challenge.accountId)).limit(1);
  if (!account) throw new AppError('challenge_not_found');
  const refusal = checkPassword(password, { idNumber: account.idNumber, username: account.username, mobile: account.mobile }, isCommonPassword);
  if (refusal) throw new AppError(refusal);
  const passwordHash = await deps.passwords.hash(password);
  const smsId = await db.transaction(async (tx) => {
    if (!(await consumeChallenge(tx, deps.clock, resetId))) throw new AppError('code_already_used');
    const now = deps.clock.now();
    await tx.update(accounts).set({ passwordHash, passwordChangedAt: now }).where(eq(accounts.id, account.id));
    await revokeAccountSessions(tx, deps.clock, account.id);
    await audit(tx, {
      at: now,
      action: 'password.reset',
      actor: { kind: 'account', id: account.id },
      subjectAccountId: account.id,
      channel: meta.channel,
      requestId: meta.requestId,
    });
    return deps.outbox.enqueue(tx, { to: account.mobile, body: noticeMessage('password_changed', account.language), kind: 'notice' });
  });
  await deps.outbox.deliver([smsId]);
  return { reset: true as const };
}
