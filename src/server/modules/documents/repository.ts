// The rows the documents views read: what the directorate issued to a person, and which of
// the people viewed hold an account (their views are attached to it in the audit log).
import { desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, documents } from '../../db/schema';

export type IssuedDocumentRow = typeof documents.$inferSelect;

/** More than anyone holds in a lifetime of passports and visas; a bound, not a page. */
const MAX_ISSUED = 200;

export function issuedDocumentsOf(db: Executor, holderIdNumber: string): Promise<IssuedDocumentRow[]> {
  return db
    .select()
    .from(documents)
    .where(eq(documents.holderIdNumber, holderIdNumber))
    .orderBy(desc(documents.issuedOn), desc(documents.createdAt))
    .limit(MAX_ISSUED);
}

/** Account ids by identity number, for the people who have one. */
export async function accountIdsOf(db: Executor, idNumbers: string[]): Promise<Map<string, string>> {
  if (idNumbers.length === 0) return new Map();
  const rows = await db.select({ id: accounts.id, idNumber: accounts.idNumber }).from(accounts).where(inArray(accounts.idNumber, idNumbers));
  return new Map(rows.map((r) => [r.idNumber, r.id]));
}
