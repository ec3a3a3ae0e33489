// Reads the test database back: what an activation left behind (account row, audit records,
// SMS messages), and officer sessions for the office endpoints.
import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';
import { accounts, auditLog, sandboxSmsMessages, smsOutbox } from '../../src/server/db/schema';
import { issueSession } from '../../src/server/modules/sessions/store';
import type { TestContext } from '../helpers/app';
import { buildAccount, buildOffice, grantStaffRole } from '../helpers/factories';

export async function accountRow(db: Db, accountId: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!row) throw new Error(`no account ${accountId}`);
  return row;
}

export async function auditRows(db: Db, subjectAccountId: string, action?: string) {
  const where = action
    ? and(eq(auditLog.subjectAccountId, subjectAccountId), eq(auditLog.action, action))
    : eq(auditLog.subjectAccountId, subjectAccountId);
  return db.select().from(auditLog).where(where).orderBy(auditLog.id);
}

export async function countAll(db: Db, table: typeof auditLog | typeof smsOutbox | typeof sandboxSmsMessages): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return Number(row?.n ?? 0);
}

/** What the sandbox handset of a mobile received. */
export async function inbox(db: Db, mobile: string) {
  return db.select().from(sandboxSmsMessages).where(eq(sandboxSmsMessages.to, mobile));
}

export async function outbox(db: Db, mobile: string) {
  return db.select().from(smsOutbox).where(eq(smsOutbox.to, mobile));
}

/** An active account with a session: the login endpoints are not needed to act as someone. */
export async function loggedIn(t: TestContext, role?: { role: 'officer' | 'supervisor'; officeId?: string | null }) {
  const db = t.deps.database.db;
  const { account, person } = await buildAccount(db);
  let officeId: string | null = null;
  if (role) {
    officeId = role.officeId === undefined ? (await buildOffice(db)).id : role.officeId;
    await grantStaffRole(db, account.id, role.role, officeId);
  }
  const session = await issueSession(db, t.clock, account.id, {});
  return { account, person, officeId, token: session.token, headers: { authorization: `Bearer ${session.token}` } };
}

export function toArabicIndic(digits: string): string {
  return digits.replace(/\d/g, (d) => String.fromCodePoint(0x0660 + Number(d)));
}
