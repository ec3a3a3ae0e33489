// Sessions: a 256-bit random token, stored only as its SHA-256; 15 minutes idle, 12 hours
// absolute; revoked on logout, on a password reset, or by a supervisor.
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { accounts, sessions } from '../../db/schema';
import { addMs, HOUR, MINUTE, type Clock } from '../../platform/clock';
import { newId, randomToken, sha256 } from '../../platform/crypto';

export const SESSION_IDLE_MS = 15 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * HOUR;
/** last_seen is written at most this often, so that reads stay reads. */
const TOUCH_EVERY_MS = MINUTE;

export type IssuedSession = { id: string; token: string; csrfToken: string; expiresAt: Date };

export type SessionContext = {
  sessionId: string;
  accountId: string;
  csrfHash: Buffer;
  accountStatus: 'registered' | 'active' | 'suspended';
};

export async function issueSession(
  tx: Executor,
  clock: Clock,
  accountId: string,
  meta: { userAgent?: string | undefined; ip?: string | undefined },
): Promise<IssuedSession> {
  const now = clock.now();
  const token = randomToken();
  const csrfToken = randomToken();
  const id = newId();
  const idleExpiresAt = addMs(now, SESSION_IDLE_MS);
  await tx.insert(sessions).values({
    tokenHash: sha256(token),
    id,
    accountId,
    csrfHash: sha256(csrfToken),
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt,
    absoluteExpiresAt: addMs(now, SESSION_ABSOLUTE_MS),
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip ?? null,
  });
  return { id, token, csrfToken, expiresAt: idleExpiresAt };
}

/** The live session a token belongs to, or why there is none. */
export async function resolveSession(
  db: Db,
  clock: Clock,
  token: string,
): Promise<{ ok: true; session: SessionContext } | { ok: false; reason: 'unknown' | 'expired' }> {
  const tokenHash = sha256(token);
  const [row] = await db
    .select({
      id: sessions.id,
      accountId: sessions.accountId,
      csrfHash: sessions.csrfHash,
      lastSeenAt: sessions.lastSeenAt,
      idleExpiresAt: sessions.idleExpiresAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      revokedAt: sessions.revokedAt,
      status: accounts.status,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  if (!row) return { ok: false, reason: 'unknown' };
  const now = clock.now();
  if (row.revokedAt || row.idleExpiresAt <= now || row.absoluteExpiresAt <= now) return { ok: false, reason: 'expired' };
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    const idle = addMs(now, SESSION_IDLE_MS);
    await db
      .update(sessions)
      .set({ lastSeenAt: now, idleExpiresAt: idle < row.absoluteExpiresAt ? idle : row.absoluteExpiresAt })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  return { ok: true, session: { sessionId: row.id, accountId: row.accountId, csrfHash: row.csrfHash, accountStatus: row.status } };
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
