// The audit rows about one holder, newest first. Rows reach a holder by their account (logins,
// activation) or by their identity number (requests for them, views of their documents); each
// way has its own index, so each is read on its own and the two merged, rather than one OR
// that neither index serves in order.
import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, auditLog, offices } from '../../db/schema';

export type AuditRow = typeof auditLog.$inferSelect;
export type Cursor = { at: Date; id: number };

export async function auditRowsAbout(db: Executor, holder: { accountId: string; idNumber: string }, limit: number, before: Cursor | null): Promise<AuditRow[]> {
  const older = before ? or(lt(auditLog.at, before.at), and(eq(auditLog.at, before.at), lt(auditLog.id, before.id))) : undefined;
  const page = (subject: SQL) => db.select().from(auditLog).where(and(subject, older)).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit);
  const [byAccount, byPerson] = await Promise.all([page(eq(auditLog.subjectAccountId, holder.accountId)), page(eq(auditLog.subjectIdNumber, holder.idNumber))]);
  const merged = new Map<number, AuditRow>();
  for (const r of [...byAccount, ...byPerson]) merged.set(r.id, r);
  return [...merged.values()].sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id).slice(0, limit);
}

export type AccountName = { id: string; idNumber: string; nameAr: string | null; nameEn: string | null };

export async function accountsByIds(db: Executor, ids: string[]): Promise<Map<string, AccountName>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: accounts.id, idNumber: accounts.idNumber, nameAr: accounts.nameAr, nameEn: accounts.nameEn })
    .from(accounts)
    .where(inArray(accounts.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function officeNames(db: Executor, ids: string[]): Promise<Map<string, { ar: string; en: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: offices.id, ar: offices.nameAr, en: offices.nameEn }).from(offices).where(inArray(offices.id, ids));
  return new Map(rows.map((r) => [r.id, { ar: r.ar, en: r.en }]));
}
