// One-time codes. A code is 6 digits from the CSPRNG, sent by SMS through the outbox, and
// kept only as an HMAC keyed with the server secret and bound to its challenge, so a code
// from one flow can never be used in another. Valid 5 minutes, at most 5 tries, accepted
// exactly once: the try and the acceptance are one conditional UPDATE, committed on its own
// so that a wrong try counts even though the request then fails.
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { challenges, otpSends } from '../../db/schema';
import { AppError, type Language } from '../../errors';
import { addMs, DAY, MINUTE, SECOND, type Clock } from '../../platform/clock';
import { hmacSha256, newId, randomToken, sixDigitCode } from '../../platform/crypto';
import type { SmsOutbox } from '../sms/outbox';
import { codeMessage, type CodePurpose } from '../sms/messages';

export const CODE_TTL_MS = 5 * MINUTE;
export const CODE_MAX_ATTEMPTS = 5;
export const RESEND_INTERVAL_MS = MINUTE;
export const RESENDS_PER_DAY = 5;
/** First sends (a registration, a login, a reset) per mobile a day: generous, but it stops SMS flooding. */
export const SENDS_PER_DAY = 30;

type Ctx = { clock: Clock; outbox: SmsOutbox; secretKey: string };

export type ChallengeRow = typeof challenges.$inferSelect;

/** How a code is kept: an HMAC bound to its challenge. */
export function codeHash(secretKey: string, challengeId: string, code: string): Buffer {
  return hmacSha256(secretKey, `${challengeId}:${code}`);
}

export type NewChallenge = {
  purpose: CodePurpose;
  mobile: string;
  language: Language;
  registrationId?: string;
  accountId?: string;
  /** For flows that must not reveal whether the details matched: a challenge whose code is never sent. */
  silent?: boolean;
};

/** Creates a challenge and queues its SMS in the caller's transaction; returns the outbox id to deliver after commit. */
export async function createChallenge(tx: Executor, ctx: Ctx, c: NewChallenge): Promise<{ challenge: ChallengeRow; smsId: string | null }> {
  const now = ctx.clock.now();
  const id = newId();
  const code = c.silent ? randomToken() : sixDigitCode();
  if (!c.silent) await enforceSendLimits(tx, ctx.clock, c.mobile, false);
  const [challenge] = await tx
    .insert(challenges)
    .values({
      id,
      purpose: c.purpose,
      registrationId: c.registrationId ?? null,
      accountId: c.accountId ?? null,
      mobile: c.mobile,
      codeHash: codeHash(ctx.secretKey, id, code),
      createdAt: now,
      sentAt: now,
      expiresAt: addMs(now, CODE_TTL_MS),
    })
    .returning();
  if (c.silent) return { challenge: challenge!, smsId: null };
  await tx.insert(otpSends).values({ mobile: c.mobile, sentAt: now, resend: false });
  const smsId = await ctx.outbox.enqueue(tx, { to: c.mobile, body: codeMessage(c.purpose, code, c.language), kind: 'otp' });
  return { challenge: challenge!, smsId };
}

/** A new code for an open challenge: the old one stops working, tries start again. */
export async function resendChallenge(
  tx: Executor,
  ctx: Ctx,
  challenge: ChallengeRow,
  language: Language,
): Promise<{ smsId: string | null; nextResendAt: Date }> {
  const now = ctx.clock.now();
  if (challenge.verifiedAt) throw new AppError('code_already_used');
  const nextAllowed = addMs(challenge.sentAt, RESEND_INTERVAL_MS);
  if (nextAllowed > now) throw new AppError('resend_too_soon', undefined, (nextAllowed.getTime() - now.getTime()) / SECOND);
  await enforceSendLimits(tx, ctx.clock, challenge.mobile, true);
  // A resend for a flow that must not reveal a match (an unknown reset) sends nothing but looks the same.
  const silent = challenge.purpose === 'password_reset' && !challenge.accountId;
  const code = silent ? randomToken() : sixDigitCode();
  const updated = await tx
    .update(challenges)
    .set({ codeHash: codeHash(ctx.secretKey, challenge.id, code), attempts: 0, sentAt: now, expiresAt: addMs(now, CODE_TTL_MS) })
    .where(and(eq(challenges.id, challenge.id), eq(challenges.sentAt, challenge.sentAt), isNull(challenges.verifiedAt)))
    .returning({ id: challenges.id });
  // Two resends at once: only the first moves sent_at; the other is too soon.
  if (updated.length === 0) throw new AppError('resend_too_soon', undefined, RESEND_INTERVAL_MS / SECOND);
  if (silent) return { smsId: null, nextResendAt: addMs(now, RESEND_INTERVAL_MS) };
  await tx.insert(otpSends).values({ mobile: challenge.mobile, sentAt: now, resend: true });
  const smsId = await ctx.outbox.enqueue(tx, {
    to: challenge.mobile,
    body: codeMessage(challenge.purpose, code, language),
    kind: 'otp',
  });
  return { smsId, nextResendAt: addMs(now, RESEND_INTERVAL_MS) };
}

async function enforceSendLimits(tx: Executor, clock: Clock, mobile: string, resend: boolean): Promise<void> {
  const now = clock.now();
  const since = addMs(now, -DAY);
  const conditions = [eq(otpSends.mobile, mobile), gt(otpSends.sentAt, since)];
  if (resend) conditions.push(eq(otpSends.resend, true));
  const [row] = await tx.select({ n: count() }).from(otpSends).where(and(...conditions));
  if ((row?.n ?? 0) >= (resend ? RESENDS_PER_DAY : SENDS_PER_DAY)) {
    throw new AppError('resend_daily_limit', undefined, DAY / SECOND);
  }
}

/**
 * Checks a code against a challenge. Runs on its own (not inside the flow's transaction), so a
 * wrong try is counted whatever happens next. Returns the verified challenge.
 */
export async function verifyCode(db: Db, ctx: Pick<Ctx, 'clock' | 'secretKey'>, id: string, purpose: CodePurpose, code: string): Promise<ChallengeRow> {
  const now = ctx.clock.now();
  const hash = codeHash(ctx.secretKey, id, code);
  const [row] = await db
    .update(challenges)
    .set({
      attempts: sql`${challenges.attempts} + 1`,
      verifiedAt: sql`case when ${challenges.codeHash} = ${hash} then ${now.toISOString()}::timestamptz else null end`,
    })
    .where(
      and(
        eq(challenges.id, id),
        eq(challenges.purpose, purpose),
        isNull(challenges.verifiedAt),
        sql`${challenges.attempts} < ${CODE_MAX_ATTEMPTS}`,
        gt(challenges.expiresAt, now),
      ),
    )
    .returning();
  if (row?.verifiedAt) return row;
  if (row) throw wrongCode(row.attempts);
  return refuseUntried(db, id, purpose);
}

/** The refusal of a wrong code, after `attempts` tries (this one counted). */
export function wrongCode(attempts: number): AppError {
  const left = CODE_MAX_ATTEMPTS - attempts;
  return new AppError(left > 0 ? 'code_incorrect' : 'code_attempts_exceeded', { attemptsLeft: left });
}

/** A code check that matched no open challenge: says why (unknown, used, out of tries, expired). */
export async function refuseUntried(db: Db, id: string, purpose: CodePurpose): Promise<never> {
  const [current] = await db.select().from(challenges).where(and(eq(challenges.id, id), eq(challenges.purpose, purpose))).limit(1);
  if (!current) throw new AppError('challenge_not_found');
  if (current.verifiedAt) throw new AppError('code_already_used');
  if (current.attempts >= CODE_MAX_ATTEMPTS) throw new AppError('code_attempts_exceeded', { attemptsLeft: 0 });
  throw new AppError('code_expired');
}

/**
 * Marks a verified challenge as used by its flow's next step, in that step's transaction.
 * False when it was already used (a concurrent request won).
 */
export async function consumeChallenge(tx: Executor, clock: Clock, id: string): Promise<boolean> {
  const rows = await tx
    .update(challenges)
    .set({ consumedAt: clock.now() })
    .where(and(eq(challenges.id, id), sql`${challenges.verifiedAt} is not null`, isNull(challenges.consumedAt)))
    .returning({ id: challenges.id });
  return rows.length === 1;
}

export async function findChallenge(db: Executor, id: string, purpose: CodePurpose): Promise<ChallengeRow | undefined> {
  const [row] = await db.select().from(challenges).where(and(eq(challenges.id, id), eq(challenges.purpose, purpose))).limit(1);
  return row;
}
