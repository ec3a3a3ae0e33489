// Helpers for the establishments' tests: an establishment in the sandbox labour ministry with
// its workers in the registry, opened on the platform by its owner, with staff authorized.
import { randomInt } from 'node:crypto';
import type { Db } from '../../src/server/db/client';
import { delegations, establishments, registryPersons, sandboxEstablishments, sandboxLabourWorkers, sandboxMedical } from '../../src/server/db/schema';
import { makeIdentityNumber } from '../../src/domain/identity-number';
import { newId } from '../../src/server/platform/crypto';
import type { TestContext } from './app';
import { buildAccount, buildPerson, type AccountRow, type BuiltPerson, type PersonRow } from './factories';
import { bearer, type RowContext } from './services';

export type BuiltEstablishment = {
  id: string;
  owner: { account: AccountRow; person: BuiltPerson; auth: Record<string, string> };
  workers: BuiltPerson[];
};

/** A fresh unified number (700...). */
export function establishmentId(): string {
  return `70${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

/**
 * An establishment known to the labour ministry, owned by a citizen with an active account,
 * with `workers` residents it sponsors (the first built in full, the rest in one insert) and,
 * unless `opened: false`, opened on the platform by its owner.
 */
export async function buildEstablishment(
  t: RowContext,
  opts: { workers?: number; opened?: boolean; region?: string; worker?: Partial<PersonRow>; owner?: { account: AccountRow; person: BuiltPerson } } = {},
): Promise<BuiltEstablishment> {
  const db = t.deps.database.db;
  const id = establishmentId();
  const owner = opts.owner ?? (await buildAccount(db));
  const region = opts.region ?? 'riyadh';
  await db.insert(sandboxEstablishments).values({
    id,
    crNumber: `10${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
    labourFile: `1-${randomInt(100_000, 999_999)}`,
    nameAr: 'مؤسسة البناء الحديث',
    nameEn: 'Modern Construction Est.',
    region,
    city: 'Riyadh',
    ownerIdNumber: owner.person.idNumber,
  });
  const workers = await addWorkers(db, id, opts.workers ?? 3, opts.worker);
  if (opts.opened !== false) await openEstablishmentRow(db, id, owner.account.id, region);
  return { id, owner: { ...owner, auth: await bearer(t, owner.account.id) }, workers };
}

/** Residents sponsored by the establishment, with valid passports and iqamas unless overridden. */
export async function addWorkers(db: Db, establishment: string, count: number, overrides: Partial<PersonRow> = {}): Promise<BuiltPerson[]> {
  const out: BuiltPerson[] = [];
  const base = { kind: 'resident' as const, sponsorKind: 'establishment' as const, sponsorId: establishment, profession: 'electrician', ...overrides };
  if (count > 0) out.push(await buildPerson(db, base));
  const rest: PersonRow[] = [];
  if (count > 0) {
    const { fingerprints, ...first } = out[0]!;
    for (let i = 1; i < count; i++) {
      rest.push({
        ...first,
        ...base,
        idNumber: makeIdentityNumber('resident', randomInt(0, 100_000_000)),
        mobile: `+9665${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
        nameEn: `Worker ${i} ${first.nameEn}`,
        passportNumber: `K${randomInt(1_000_000, 9_999_999)}`,
      });
    }
    for (let i = 0; i < rest.length; i += 500) await db.insert(registryPersons).values(rest.slice(i, i + 500));
    out.push(...rest.map((r) => ({ ...r, fingerprints })));
  }
  return out;
}

/** Opens the establishment on the platform as its owner would (the row the open use case writes). */
export async function openEstablishmentRow(db: Db, id: string, ownerAccountId: string, region = 'riyadh') {
  await db.insert(establishments).values({ id, ownerAccountId, nameAr: 'مؤسسة البناء الحديث', nameEn: 'Modern Construction Est.', region, openedAt: new Date() });
}

/** A staff authorization: the owner lets a citizen with an active account act for the establishment in named services. */
export async function grantStaff(t: TestContext, est: BuiltEstablishment, services: string[], staff?: { account: AccountRow }) {
  const db = t.deps.database.db;
  const member = staff ?? (await buildAccount(db));
  const now = t.clock.now();
  const id = newId();
  await db.insert(delegations).values({
    id,
    grantorAccountId: est.owner.account.id,
    delegateAccountId: member.account.id,
    services,
    startsAt: new Date(now.getTime() - 60_000),
    endsAt: new Date(now.getTime() + 30 * 86_400_000),
    revokedAt: null,
    createdAt: now,
    establishmentId: est.id,
  });
  return { delegationId: id, account: member.account, auth: await bearer(t, member.account.id) };
}

/** The labour ministry's record of a worker differs from the default (no permit, reported absent). */
export async function setLabourRecord(db: Db, idNumber: string, record: { permitExpiresOn?: string | null; absentFromWork?: boolean }) {
  await db
    .insert(sandboxLabourWorkers)
    .values({ idNumber, permitExpiresOn: record.permitExpiresOn ?? null, absentFromWork: record.absentFromWork ?? false })
    .onConflictDoUpdate({ target: sandboxLabourWorkers.idNumber, set: { permitExpiresOn: record.permitExpiresOn ?? null, absentFromWork: record.absentFromWork ?? false } });
}

/** The health ministry's record of a person: an examination result and insurance. */
export async function setMedicalRecord(db: Db, idNumber: string, record: { examResult?: 'fit' | 'unfit' | null; examinedOn?: string | null; insuredUntil?: string | null }) {
  const row = { idNumber, examResult: record.examResult ?? null, examinedOn: record.examinedOn ?? null, insuredUntil: record.insuredUntil ?? null };
  await db.insert(sandboxMedical).values(row).onConflictDoUpdate({ target: sandboxMedical.idNumber, set: row });
}
