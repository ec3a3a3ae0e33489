// Login throttling. Failures are counted per account (per login string when it matches no
// account, so that unknown logins behave exactly like known ones). From the 5th consecutive
// failure each next try waits longer (1 s, 2 s, 4 s ... capped at 60 s), and never more than
// 100 guesses are checked per account per hour. Nothing is locked for good: once the attack
// stops, the delay runs out and the right password and code get in.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { perDatabase, prepareSql } from '../../db/prepared';
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

/** The account a login names, as the first factor needs it. */
export type LoginAccount = { id: string; passwordHash: string; mobile: string; language: 'ar' | 'en' };

/** The statement's row: the throttle key and whether the guess was admitted, with the account's columns (all null when none). */
type Admission = { key: string; admitted: boolean } & (LoginAccount | { id: null; passwordHash: null; mobile: null; language: null });

/**
 * One statement per login key (identity number or username): reads the account the login
 * names and admits one guess against its throttle row, or against the login string's when it
 * names no account. The admission is an atomic upsert that counts the guess and, once failures
 * have started to cost, already reserves the delay the guess would earn by failing, so that
 * parallel guesses cannot slip past either limit; a success lifts the reservation. Its key is
 * throttleKey's, built in the statement from the account it found.
 */
export function admissionSql(by: 'idNumber' | 'username'): SQL {
  const p = (name: string) => sql.placeholder(name);
  const now = sql`${p('now')}::timestamptz`;
  const windowStart = sql`${p('windowStart')}::timestamptz`;
  // The value takes the column's type: an identity number compared as text would compare
  // id_number::text, which its unique index cannot serve, and read every account.
  const account = by === 'idNumber' ? sql`id_number = ${p('value')}::bpchar` : sql`username = ${p('value')}::text`;
  return sql`with account as (
    select id, password_hash, mobile, language from accounts where ${account} limit 1
  ), guess as (
    select coalesce((select 'account:' || id::text from account), ${p('loginKey')}::text) as key
  ), admitted as (
    insert into login_throttles as t (key, consecutive_failures, window_started_at, guesses_in_window)
    select key, 0, ${now}, 1 from guess
    on conflict (key) do update set
      window_started_at = case when t.window_started_at <= ${windowStart} then ${now} else t.window_started_at end,
      guesses_in_window = case when t.window_started_at <= ${windowStart} then 1 else t.guesses_in_window + 1 end,
      next_attempt_at = case when t.consecutive_failures >= ${sql.raw(String(FREE_FAILURES))}
        then ${now} + make_interval(secs => least(power(2, t.consecutive_failures - ${sql.raw(String(FREE_FAILURES))}), ${sql.raw(String(MAX_DELAY_MS / SECOND))}))
        else t.next_attempt_at end
    where (t.next_attempt_at is null or t.next_attempt_at <= ${now})
      and (t.window_started_at <= ${windowStart} or t.guesses_in_window < ${sql.raw(String(GUESSES_PER_HOUR))})
    returning key
  )
  select guess.key, exists (select 1 from admitted) as admitted,
         a.id, a.password_hash as "passwordHash", a.mobile, a.language
    from guess left join account a on true`;
}

const admitStatements = perDatabase((db: Db) => ({
  idNumber: prepareSql<Admission>(db, 'login_admit_by_id_number', admissionSql('idNumber')),
  username: prepareSql<Admission>(db, 'login_admit_by_username', admissionSql('username')),
}));

/**
 * The account a login names (null when none), and the guess admitted against the throttle
 * (its key returned); or a refusal, 429 with Retry-After, while a delay or the hourly cap is in
 * force. One round trip: every login runs it.
 */
export async function admitLoginGuess(
  db: Db,
  clock: Clock,
  login: { by: 'idNumber' | 'username'; value: string },
): Promise<{ account: LoginAccount | null; throttle: string }> {
  const now = clock.now();
  const [row] = await admitStatements(db)[login.by]({
    value: login.value,
    loginKey: throttleKey(null, `${login.by}:${login.value}`),
    now: now.toISOString(),
    windowStart: new Date(now.getTime() - HOUR).toISOString(),
  });
  if (!row) throw new Error('the login admission returned no row');
  if (!row.admitted) throw await refusal(db, now, row.key);
  const account = row.id === null ? null : { id: row.id, passwordHash: row.passwordHash, mobile: row.mobile, language: row.language };
  return { account, throttle: row.key };
}

/** Why a guess was not admitted, with when the next one will be. */
async function refusal(db: Db, now: Date, key: string): Promise<AppError> {
  const t = loginThrottles;
  const [row] = await db.select().from(t).where(eq(t.key, key)).limit(1);
  const until =
    row?.nextAttemptAt && row.nextAttemptAt > now ? row.nextAttemptAt : new Date((row?.windowStartedAt ?? now).getTime() + HOUR);
  return new AppError('too_many_attempts', undefined, Math.max(1, (until.getTime() - now.getTime()) / SECOND));
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
