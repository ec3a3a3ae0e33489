// Login throttling. Failures are counted per account (per login string when it matches no
// account, so that unknown logins behave exactly like known ones). From the 5th consecutive
// failure each next try waits longer (1 s, 2 s, 4 s ... capped at 60 s), and never more than
// 100 guesses are checked per account per hour. Nothing is locked for good: once the attack
// stops, the delay runs out and the right password and code get in.
import { eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { perDatabase } from '../../db/prepared';
import { loginThrottles } from '../../db/schema';
import { AppError } from '../../errors';
import { HOUR, SECOND, type Clock } from '../../platform/clock';
import { sha256 } from '../../platform/crypto';

export const FREE_FAILURES = 4;
export const MAX_DELAY_MS = 60 * SECOND;
export const GUESSES_PER_HOUR = 100;

export function throttleKey(accountId: string | null, normalizedLogin: string): string {
  return accountId ? `account:${accountId}` : `login:${sha256(normalizedLogin).toString('hex')}`;
}

/** The wait imposed after `failures` consecutive failures. */
export function delayAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES - 1) * SECOND, MAX_DELAY_MS);
}

const admitStatement = perDatabase((db: Db) => {
  const t = loginThrottles;
  const now = sql`${sql.placeholder('nowIso')}::timestamptz`;
  const windowStart = sql`${sql.placeholder('windowStartIso')}::timestamptz`;
  return db
    .insert(t)
    .values({ key: sql.placeholder('key'), consecutiveFailures: 0, windowStartedAt: sql.placeholder('now'), guessesInWindow: 1 })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        windowStartedAt: sql`case when ${t.windowStartedAt} <= ${windowStart} then ${now} else ${t.windowStartedAt} end`,
        guessesInWindow: sql`case when ${t.windowStartedAt} <= ${windowStart} then 1 else ${t.guessesInWindow} + 1 end`,
        nextAttemptAt: sql`case when ${t.consecutiveFailures} >= ${FREE_FAILURES}
          then ${now} + make_interval(secs => least(power(2, ${t.consecutiveFailures} - ${FREE_FAILURES}), ${MAX_DELAY_MS / SECOND}))
          else ${t.nextAttemptAt} end`,
      },
      setWhere: sql`(${t.nextAttemptAt} is null or ${t.nextAttemptAt} <= ${now})
        and (${t.windowStartedAt} <= ${windowStart} or ${t.guessesInWindow} < ${GUESSES_PER_HOUR})`,
    })
    .returning({ key: t.key })
    .prepare('login_admit_guess');
});

/**
 * Admits one guess, or refuses it (429 with Retry-After) while a delay or the hourly cap is in
 * force. Admission is one atomic upsert that counts the guess and, once failures have
 * started to cost, already reserves the delay the guess would earn by failing: parallel
 * guesses cannot slip past either limit. A success lifts the reservation. (Prepared: every
 * login runs it.)
 */
export async function admitGuess(db: Db, clock: Clock, key: string): Promise<void> {
  const now = clock.now();
  const admitted = await admitStatement(db).execute({
    key,
    now,
    nowIso: now.toISOString(),
    windowStartIso: new Date(now.getTime() - HOUR).toISOString(),
  });
  if (admitted.length > 0) return;
  const t = loginThrottles;
  const [row] = await db.select().from(t).where(eq(t.key, key)).limit(1);
  const until =
    row?.nextAttemptAt && row.nextAttemptAt > now ? row.nextAttemptAt : new Date((row?.windowStartedAt ?? now).getTime() + HOUR);
  throw new AppError('too_many_attempts', undefined, Math.max(1, (until.getTime() - now.getTime()) / SECOND));
}

export async function recordFailure(db: Executor, clock: Clock, key: string): Promise<void> {
  const now = clock.now();
  const [row] = await db
    .update(loginThrottles)
    .set({ consecutiveFailures: sql`${loginThrottles.consecutiveFailures} + 1`, lastFailureAt: now })
    .where(eq(loginThrottles.key, key))
    .returning({ failures: loginThrottles.consecutiveFailures });
  const wait = delayAfter(row?.failures ?? 1);
  if (wait > 0) {
    await db.update(loginThrottles).set({ nextAttemptAt: new Date(now.getTime() + wait) }).where(eq(loginThrottles.key, key));
  }
}

export async function recordSuccess(db: Executor, key: string): Promise<void> {
  await db.update(loginThrottles).set({ consecutiveFailures: 0, nextAttemptAt: null }).where(eq(loginThrottles.key, key));
}
