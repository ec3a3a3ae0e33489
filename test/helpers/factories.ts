// Factories for module tests: rows inserted straight into the test database, with overrides.
import { randomBytes, randomInt } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Db } from '../../src/server/db/client';
import { accounts, offices, registryPersons, staffRoles } from '../../src/server/db/schema';
import { makeIdentityNumber } from '../../src/domain/identity-number';
import { ARGON2_OPTIONS } from '../../src/server/modules/passwords/hasher';
import { newId } from '../../src/server/platform/crypto';

export type PersonRow = typeof registryPersons.$inferSelect;
export type BuiltPerson = PersonRow & { fingerprints: { rightIndex: string; leftIndex: string } };

export const DEFAULT_PASSWORD = 'قمر الرياض 2026 blue';

export function randomMobile(): string {
  return `+9665${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

export async function buildPerson(db: Db, overrides: Partial<PersonRow> = {}): Promise<BuiltPerson> {
  const kind = overrides.kind ?? (overrides.idNumber?.startsWith('2') ? 'resident' : 'citizen');
  const right = randomBytes(16);
  const left = randomBytes(16);
  const row: PersonRow = {
    idNumber: makeIdentityNumber(kind, randomInt(0, 100_000_000)),
    kind,
    nameAr: kind === 'citizen' ? 'محمد عبدالله القحطاني' : 'راجيش كومار',
    nameEn: kind === 'citizen' ? 'Mohammed Abdullah Alqahtani' : 'Rajesh Kumar',
    gender: 'm',
    birthDate: '1990-01-31',
    nationality: kind === 'citizen' ? 'SAU' : 'IND',
    mobile: randomMobile(),
    fingerprintRight: right,
    fingerprintLeft: left,
    passportNumber: `${kind === 'citizen' ? 'A' : 'K'}${randomInt(1_000_000, 9_999_999)}`,
    passportIssuedOn: '2022-03-01',
    passportExpiresOn: '2032-02-28',
    iqamaExpiresOn: kind === 'resident' ? '2027-06-30' : null,
    sponsorKind: kind === 'resident' ? 'establishment' : null,
    sponsorId: kind === 'resident' ? '7001234567' : null,
    profession: kind === 'resident' ? 'electrician' : null,
    maritalStatus: 'single',
    arrivedOn: null,
    ...overrides,
  };
  await db.insert(registryPersons).values(row);
  return {
    ...row,
    fingerprints: { rightIndex: row.fingerprintRight.toString('base64url'), leftIndex: row.fingerprintLeft.toString('base64url') },
  };
}

const hashes = new Map<string, Promise<string>>();
function hashOnce(password: string): Promise<string> {
  let h = hashes.get(password);
  if (!h) hashes.set(password, (h = hash(password, ARGON2_OPTIONS)));
  return h;
}

export type AccountRow = typeof accounts.$inferSelect;

export async function buildAccount(
  db: Db,
  opts: { person?: BuiltPerson; status?: AccountRow['status']; password?: string; username?: string; activation?: 'office' | 'atm' | 'kiosk' } = {},
): Promise<{ account: AccountRow; person: BuiltPerson; password: string }> {
  const person = opts.person ?? (await buildPerson(db));
  const password = opts.password ?? DEFAULT_PASSWORD;
  const status = opts.status ?? 'active';
  const now = new Date();
  const account: AccountRow = {
    id: newId(),
    idNumber: person.idNumber,
    username: opts.username ?? `user.${person.idNumber}`,
    email: null,
    mobile: person.mobile,
    nameAr: person.nameAr,
    nameEn: person.nameEn,
    language: 'ar',
    status,
    passwordHash: await hashOnce(password),
    termsVersion: 1,
    createdAt: now,
    activationChannel: status === 'registered' ? null : (opts.activation ?? 'atm'),
    activationLocation: status === 'registered' ? null : { atm: 'atm-alrajhi', kiosk: 'kiosk-airports', office: 'office-riyadh' }[opts.activation ?? 'atm'],
    activatedAt: status === 'registered' ? null : now,
    activatedBy: null,
    passwordChangedAt: null,
  };
  await db.insert(accounts).values(account);
  return { account, person, password };
}

export async function buildOffice(db: Db, overrides: Partial<typeof offices.$inferSelect> = {}) {
  const row = {
    id: `office-${randomBytes(3).toString('hex')}`,
    kind: 'office' as const,
    nameAr: 'جوازات الرياض',
    nameEn: 'Riyadh Passports',
    region: 'riyadh',
    city: 'Riyadh',
    ...overrides,
  };
  await db.insert(offices).values(row).onConflictDoNothing();
  return row;
}

export async function grantStaffRole(db: Db, accountId: string, role: 'officer' | 'supervisor', officeId: string | null) {
  await db.insert(staffRoles).values({ accountId, role, officeId, grantedAt: new Date() });
}
