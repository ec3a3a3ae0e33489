// Rows the sandbox endpoints read and write: the synthetic registry, the handsets' inbox,
// and the personas' accounts.
import { desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, registryFamilyLinks, registryPersons, sandboxSmsMessages } from '../../db/schema';
import type { SyntheticPerson } from '../../../domain/synthetic/population';

export type PersonRow = typeof registryPersons.$inferSelect;
export type FamilyLinkRow = typeof registryFamilyLinks.$inferSelect;

/** The registry row of a synthetic person. */
export function personRow(p: SyntheticPerson): typeof registryPersons.$inferInsert {
  return {
    idNumber: p.idNumber,
    kind: p.kind,
    nameAr: p.nameAr,
    nameEn: p.nameEn,
    gender: p.gender,
    birthDate: p.birthDate,
    nationality: p.nationality,
    mobile: p.mobile,
    fingerprintRight: Buffer.from(p.fingerprintRight),
    fingerprintLeft: Buffer.from(p.fingerprintLeft),
    passportNumber: p.passportNumber,
    passportIssuedOn: p.passportIssuedOn,
    passportExpiresOn: p.passportExpiresOn,
    iqamaExpiresOn: p.iqamaExpiresOn,
    sponsorKind: p.sponsorKind,
    sponsorId: p.sponsorId,
    profession: p.profession,
    maritalStatus: p.maritalStatus,
  };
}

export async function insertPerson(tx: Executor, p: SyntheticPerson): Promise<PersonRow> {
  const [row] = await tx.insert(registryPersons).values(personRow(p)).returning();
  return row!;
}

export async function findPersonRow(db: Executor, idNumber: string): Promise<PersonRow | null> {
  const [row] = await db.select().from(registryPersons).where(eq(registryPersons.idNumber, idNumber)).limit(1);
  return row ?? null;
}

export async function familyLinksOf(db: Executor, idNumber: string): Promise<{ heads: FamilyLinkRow[]; members: FamilyLinkRow[] }> {
  const [heads, members] = await Promise.all([
    db.select().from(registryFamilyLinks).where(eq(registryFamilyLinks.memberIdNumber, idNumber)).orderBy(registryFamilyLinks.headIdNumber),
    db.select().from(registryFamilyLinks).where(eq(registryFamilyLinks.headIdNumber, idNumber)).orderBy(registryFamilyLinks.memberIdNumber),
  ]);
  return { heads, members };
}

export type SmsRow = { to: string; body: string; sentAt: Date };

/** Newest first; messages delivered in the same instant keep a stable order. */
export async function smsSentTo(db: Executor, to: string, limit: number): Promise<SmsRow[]> {
  return db
    .select({ to: sandboxSmsMessages.to, body: sandboxSmsMessages.body, sentAt: sandboxSmsMessages.sentAt })
    .from(sandboxSmsMessages)
    .where(eq(sandboxSmsMessages.to, to))
    .orderBy(desc(sandboxSmsMessages.sentAt), desc(sandboxSmsMessages.id))
    .limit(limit);
}

export type AccountStatusRow = { idNumber: string; username: string; status: 'registered' | 'active' | 'suspended' };

export async function accountsOf(db: Executor, idNumbers: string[]): Promise<AccountStatusRow[]> {
  if (idNumbers.length === 0) return [];
  return db
    .select({ idNumber: accounts.idNumber, username: accounts.username, status: accounts.status })
    .from(accounts)
    .where(inArray(accounts.idNumber, idNumbers));
}
