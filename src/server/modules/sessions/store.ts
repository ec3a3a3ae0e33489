// Sessions: a 256-bit random token, stored only as its SHA-256; 15 minutes idle, 12 hours
// absolute; revoked on logout, on a password reset, or by a supervisor.
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { perDatabase } from '../../db/prepared';
import { accounts, sessions, staffRoles } from '../../db/schema';
import { addMs, HOUR, MINUTE, type Clock } from '../../platform/clock';
import { newId, randomToken, sha256 } from '../../platform/crypto';

export const SESSION_IDLE_MS = 15 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * HOUR;
/** last_seen is written at most this often, so that reads stay reads. */
const TOUCH_EVERY_MS = MINUTE;

export type IssuedSession = { id: string; token: string; csrfToken: string; expiresAt: Date };

export type StaffRole = { role: 'officer' | 'supervisor'; officeId: string | null };

/** The holder's own account, as the session lookup reads it: what `/me` presents, nothing secret. */
export type SessionAccount = {
  id: string;
  idNumber: string;
  username: string;
  nameAr: string | null;
  nameEn: string | null;
  mobile: string;
  language: 'ar' | 'en';
  status: 'registered' | 'active' | 'suspended';
  activationChannel: 'office' | 'atm' | 'kiosk' | null;
  activationLocation: string | null;
  activatedAt: Date | null;
};

export type SessionContext = {
  sessionId: string;
  accountId: string;
  csrfHash: Buffer;
  accountStatus: 'registered' | 'active' | 'suspended';
  account: SessionAccount;
  /** Staff roles in force (none for most holders). */
  staffRoles: StaffRole[];
};

/** A new session's secrets and times, before it is stored (by `issueSession` or in a larger statement). */
export function newSession(clock: Clock, meta: { userAgent?: string | undefined; ip?: string | undefined }) {
  const now = clock.now();
  const token = randomToken();
  const csrfToken = randomToken();
  return {
    issued: { id: newId(), token, csrfToken, expiresAt: addMs(now, SESSION_IDLE_MS) } satisfies IssuedSession,
    row: {
      tokenHash: sha256(token),
      csrfHash: sha256(csrfToken),
      createdAt: now,
      absoluteExpiresAt: addMs(now, SESSION_ABSOLUTE_MS),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip ?? null,
    },
  };
}

export async function issueSession(
  tx: Executor,
  clock: Clock,
  accountId: string,
  meta: { userAgent?: string | undefined; ip?: string | undefined },
): Promise<IssuedSession> {
  const { issued, row } = newSession(clock, meta);
  await tx.insert(sessions).values({
    tokenHash: row.tokenHash,
    id: issued.id,
    accountId,
    csrfHash: row.csrfHash,
    createdAt: row.createdAt,
    lastSeenAt: row.createdAt,
    idleExpiresAt: issued.expiresAt,
    absoluteExpiresAt: row.absoluteExpiresAt,
    userAgent: row.userAgent,
    ip: row.ip,
  });
  return issued;
}

/**
 * The statements every authenticated request runs, prepared once per database: drizzle builds
 * their SQL once, and PostgreSQL parses and plans them once per connection. The lookup reads
 * the session, its account and the account's staff roles in one round trip, so that neither
 * the access check nor `/me` has to read them again.
 */
const statementsFor = perDatabase((db: Db) => {
  const byToken = db
    .select({
      id: sessions.id,
      accountId: sessions.accountId,
      csrfHash: sessions.csrfHash,
      lastSeenAt: sessions.lastSeenAt,
      idleExpiresAt: sessions.idleExpiresAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      revokedAt: sessions.revokedAt,
      account: {
        id: accounts.id,
        idNumber: accounts.idNumber,
        username: accounts.username,
        nameAr: accounts.nameAr,
        nameEn: accounts.nameEn,
        mobile: accounts.mobile,
        language: accounts.language,
        status: accounts.status,
        activationChannel: accounts.activationChannel,
        activationLocation: accounts.activationLocation,
        activatedAt: accounts.activatedAt,
      },
      staffRoles: sql<StaffRole[]>`coalesce((
        select json_agg(json_build_object('role', ${staffRoles.role}, 'officeId', ${staffRoles.officeId}) order by ${staffRoles.role})
        from ${staffRoles} where ${staffRoles.accountId} = ${sessions.accountId} and ${staffRoles.revokedAt} is null
      ), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .limit(1)
    .prepare('session_by_token');
  const touch = db
    .update(sessions)
    .set({ lastSeenAt: sql`${sql.placeholder('now')}::timestamptz`, idleExpiresAt: sql`${sql.placeholder('idleExpiresAt')}::timestamptz` })
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('session_touch');
  return { byToken, touch };
});

/** The live session a token belongs to, or why there is none. */
export async function resolveSession(
  db: Db,
  clock: Clock,
  token: string,
): Promise<{ ok: true; session: SessionContext } | { ok: false; reason: 'unknown' | 'expired' }> {
  const tokenHash = sha256(token);
  const statements = statementsFor(db);
  const [row] = await statements.byToken.execute({ tokenHash });
  if (!row) return { ok: false, reason: 'unknown' };
  const now = clock.now();
  if (row.revokedAt || row.idleExpiresAt <= now || row.absoluteExpiresAt <= now) return { ok: false, reason: 'expired' };
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    const idle = addMs(now, SESSION_IDLE_MS);
    await statements.touch.execute({
      tokenHash,
      now: now.toISOString(),
      idleExpiresAt: (idle < row.absoluteExpiresAt ? idle : row.absoluteExpiresAt).toISOString(),
    });
  }
  return {
    ok: true,
    session: {
      sessionId: row.id,
      accountId: row.accountId,
      csrfHash: row.csrfHash,
      accountStatus: row.account.status,
      account: row.account,
      staffRoles: row.staffRoles,
    },
  };
}

export async function revokeSession(tx: Executor, clock: Clock, sessionId: string): Promise<void> {
  await tx.update(sessions).set({ revokedAt: clock.now() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every session of an account, but the one to keep (if any). */
export async function revokeAccountSessions(tx: Executor, clock: Clock, accountId: string, keepSessionId?: string): Promise<void> {
  const conditions = [eq(sessions.accountId, accountId), isNull(sessions.revokedAt)];
  if (keepSessionId) conditions.push(ne(sessions.id, keepSessionId));
  await tx.update(sessions).set({ revokedAt: clock.now() }).where(and(...conditions));
}
