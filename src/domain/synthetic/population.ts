// The synthetic population of the sandbox registry: person `index` of a seed is always the
// same person. Every choice is read from a SHA-512 of the seed and the index (the person's
// own hash) or of the seed and the household block (the block's hash), with integer
// arithmetic only, so that the bulk loader can compute the very same people in SQL
// (sha512, get_byte, integer division) without a round trip per row. Change a rule here
// and the SQL in src/server/modules/sandbox/bulk-sql.ts must change with it; the parity
// test compares the two.
//
// Identity (identity number, name, gender, birth date, mobile, fingerprints, nationality,
// family) depends on the seed alone. Documents (passport, iqama) are placed relative to an
// `asOf` date, the day the sandbox was first seeded, so that some are always about to
// expire or expired when the sandbox is new.
import { createHash } from 'node:crypto';
import { makeIdentityNumber } from '../identity-number';
import {
  ADULT_MARITAL,
  BLOCK_SIZE,
  CHUNK_SIZE,
  DOMESTIC_NATIONALITIES,
  establishmentNumber,
  ESTABLISHMENT_PICKS,
  FEMALE_WORKER_PROFESSIONS,
  MALE_WORKER_PROFESSIONS,
  MARITAL_STATUSES,
  NATIONALITIES,
  NATIONALITY_GROUP,
  nationalityIndex,
  PROFESSIONS,
  ROLES,
  SAUDI,
  TEMPLATE_PICKS,
  TEMPLATES,
  WORKER_NATIONALITIES,
  type MaritalStatus,
  type Role,
} from './catalogue';
import { NAME_GROUPS, type Name } from './names';

/** Birth dates are fixed against this day, so ages do not move with the day of seeding. */
export const BIRTH_EPOCH = '2026-01-01';
/** Identity-number serials below this are kept for the documented demo personas. */
export const SERIAL_BASE = 10_000_000;
/** Indices [0, BULK_LIMIT) are the seeded population, in household blocks. */
export const BULK_LIMIT = 80_000_000;
/** Indices [BULK_LIMIT, INDEX_LIMIT) are persons added one by one through the sandbox API. */
export const INDEX_LIMIT = 90_000_000;

/** Mobiles: +9665 and 8 digits, the first of them 1-9 (+96650... is kept for the personas). */
export const MOBILE_SPACE = 90_000_000;
/** Coprime with MOBILE_SPACE (not divisible by 2, 3 or 5): index → mobile is one-to-one. */
export const MOBILE_STEP = 7_368_787;
/** Passport numbers: a letter and 8 digits, the first of them 1-9 (a 0 there marks a persona's). */
export const PASSPORT_SPACE = 90_000_000;
/** Coprime with PASSPORT_SPACE. */
export const PASSPORT_STEP = 48_271_139;

export const DAYS_5_YEARS = 1826;
export const DAYS_10_YEARS = 3652;

export type FamilyRelation = 'spouse' | 'son' | 'daughter';

export type SyntheticPerson = {
  index: number;
  idNumber: string;
  kind: 'citizen' | 'resident';
  nameAr: string;
  nameEn: string;
  gender: 'm' | 'f';
  birthDate: string;
  nationality: string;
  mobile: string;
  fingerprintRight: Buffer;
  fingerprintLeft: Buffer;
  passportNumber: string | null;
  passportIssuedOn: string | null;
  passportExpiresOn: string | null;
  iqamaExpiresOn: string | null;
  sponsorKind: 'establishment' | 'person' | null;
  sponsorId: string | null;
  profession: string | null;
  maritalStatus: MaritalStatus;
  /** The person's place in the family card of a head of family, if any. */
  family: { headIdNumber: string; relation: FamilyRelation } | null;
};

/** Per-seed constants, shared with the bulk SQL. */
export type PopulationConstants = {
  seedText: string;
  mobileOffset: number;
  passportOffset: number;
};

export function populationConstants(seed: number): PopulationConstants {
  const seedText = String(seed);
  const h = sha512(`${seedText}:constants`);
  return {
    seedText,
    mobileOffset: h.readUInt32BE(0) % MOBILE_SPACE,
    passportOffset: h.readUInt32BE(4) % PASSPORT_SPACE,
  };
}

export function personHash(seedText: string, index: number): Buffer {
  return sha512(`${seedText}:p:${index}`);
}

export function blockHash(seedText: string, block: number): Buffer {
  return sha512(`${seedText}:b:${block}`);
}

function sha512(text: string): Buffer {
  return createHash('sha512').update(text, 'utf8').digest();
}

const u8 = (h: Buffer, k: number): number => h[k]!;
const u16 = (h: Buffer, k: number): number => (h[k]! << 8) | h[k + 1]!;
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

export function identityNumberAt(kind: 'citizen' | 'resident', index: number): string {
  return makeIdentityNumber(kind, SERIAL_BASE + index);
}

export function mobileAt(c: PopulationConstants, index: number): string {
  return `+9665${10_000_000 + ((index * MOBILE_STEP + c.mobileOffset) % MOBILE_SPACE)}`;
}

export function passportNumberAt(c: PopulationConstants, nationality: number, index: number): string {
  return NATIONALITIES[nationality]!.passportPrefix + String(10_000_000 + ((index * PASSPORT_STEP + c.passportOffset) % PASSPORT_SPACE));
}

export function addDays(isoDate: string, days: number): string {
  const t = Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Completed years between a birth date and a day. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

type Household = {
  template: number;
  headRole: Role;
  householdNationality: number;
  headNationality: number;
  headAge: number;
  spouseAge: number;
  childMaxAge: number;
  headGiven: number;
  headFather: number;
  headFamily: number;
  headIdNumber: string;
  chunk: number;
};

export function household(seedText: string, block: number): Household {
  const hb = blockHash(seedText, block);
  const template = pick(TEMPLATE_PICKS, u16(hb, 0));
  const headRole: Role = ROLES[TEMPLATES[template]!.roles[0]!];
  const householdNationality = pick(WORKER_NATIONALITIES, u16(hb, 2));
  const [min, max] = headRole.headAge ?? [28, 80];
  const headAge = min + (u16(hb, 4) % (max - min + 1));
  const spouseAge = Math.max(20, headAge - (u8(hb, 6) % 10));
  return {
    template,
    headRole,
    householdNationality,
    headNationality: headRole.kind === 'citizen' ? SAUDI : householdNationality,
    headAge,
    spouseAge,
    childMaxAge: Math.max(0, Math.min(spouseAge - 18, 30)),
    headGiven: u16(hb, 8),
    headFather: u16(hb, 10),
    headFamily: u16(hb, 12),
    headIdNumber: identityNumberAt(headRole.kind, block * BLOCK_SIZE),
    chunk: Math.floor((block * BLOCK_SIZE) / CHUNK_SIZE),
  };
}

function fullName(nationality: number, given: Name, father: Name, family: Name): { ar: string; en: string } {
  const group = NAME_GROUPS[NATIONALITY_GROUP[nationality]!]!;
  return group.threePart
    ? { ar: `${given[0]} ${father[0]} ${family[0]}`, en: `${given[1]} ${father[1]} ${family[1]}` }
    : { ar: `${given[0]} ${family[0]}`, en: `${given[1]} ${family[1]}` };
}

function birthDateFor(age: number, h: Buffer): string {
  return addDays(BIRTH_EPOCH, -(Math.floor((age * 36525) / 100) + (u16(h, 43) % 365)));
}

function passportExpiry(h: Buffer, asOf: string, validity: number): string {
  const bucket = u8(h, 47) % 100;
  const off = u16(h, 48);
  if (bucket < 70) return addDays(asOf, 181 + (off % (validity - 182)));
  if (bucket < 80) return addDays(asOf, 1 + (off % 90));
  if (bucket < 88) return addDays(asOf, 91 + (off % 90));
  return addDays(asOf, -1 - (off % 1000));
}

function iqamaExpiry(h: Buffer, asOf: string): string {
  const bucket = u8(h, 51) % 100;
  const off = u16(h, 52);
  if (bucket < 65) return addDays(asOf, 61 + (off % 300));
  if (bucket < 78) return addDays(asOf, 1 + (off % 30));
  if (bucket < 88) return addDays(asOf, 31 + (off % 30));
  return addDays(asOf, -1 - (off % 120));
}

function maritalFor(role: Role, age: number, h: Buffer): MaritalStatus {
  if (role.relation === 'head' || role.relation === 'spouse') return 'married';
  if (role.relation === 'child' || age < 22) return 'single';
  return MARITAL_STATUSES[pick(ADULT_MARITAL, u8(h, 45))]!;
}

function professionFor(role: Role, gender: 'm' | 'f', age: number, h: Buffer): string | null {
  switch (role.profession) {
    case 'worker':
      return PROFESSIONS[pick(gender === 'f' ? FEMALE_WORKER_PROFESSIONS : MALE_WORKER_PROFESSIONS, u16(h, 56))]!.code;
    case 'domestic':
      return gender === 'f' ? 'domestic_worker' : 'private_driver';
    case 'dependent':
      if (role.relation === 'spouse') return 'housewife';
      return age >= 6 ? 'student' : null;
    case 'none':
      return null;
  }
}

/** Person `index` (0 ≤ index < BULK_LIMIT) of the seeded population. */
export function generatePerson(seed: number, index: number, asOf: string): SyntheticPerson {
  if (!Number.isInteger(index) || index < 0 || index >= BULK_LIMIT) throw new RangeError('index out of the seeded range');
  const c = populationConstants(seed);
  const block = Math.floor(index / BLOCK_SIZE);
  const hh = household(c.seedText, block);
  const role: Role = ROLES[TEMPLATES[hh.template]!.roles[index % BLOCK_SIZE]!];
  const h = personHash(c.seedText, index);

  const gender = u8(h, 32) % 100 < role.femalePerHundred ? 'f' : 'm';
  const nationality =
    role.nationality === 'saudi'
      ? SAUDI
      : role.nationality === 'household'
        ? hh.householdNationality
        : pick(role.nationality === 'worker' ? WORKER_NATIONALITIES : DOMESTIC_NATIONALITIES, u16(h, 33));
  const group = NAME_GROUPS[NATIONALITY_GROUP[nationality]!]!;
  const givenList = gender === 'f' ? group.female : group.male;
  const name =
    role.relation === 'head'
      ? fullName(nationality, pick(group.male, hh.headGiven), pick(group.male, hh.headFather), pick(group.family, hh.headFamily))
      : role.relation === 'child'
        ? fullName(nationality, pick(givenList, u16(h, 35)), pick(group.male, hh.headGiven), pick(group.family, hh.headFamily))
        : fullName(nationality, pick(givenList, u16(h, 35)), pick(group.male, u16(h, 37)), pick(group.family, u16(h, 39)));

  const age =
    role.age === 'head'
      ? hh.headAge
      : role.age === 'spouse'
        ? hh.spouseAge
        : role.age === 'child'
          ? u16(h, 41) % (hh.childMaxAge + 1)
          : role.age[0] + (u16(h, 41) % (role.age[1] - role.age[0] + 1));
  const birthDate = birthDateFor(age, h);

  const validity = age < 18 ? DAYS_5_YEARS : u8(h, 46) % 2 === 1 ? DAYS_10_YEARS : DAYS_5_YEARS;
  const expiresOn = passportExpiry(h, asOf, validity);
  const issuedOn = addDays(expiresOn, 1 - validity);
  const hasPassport = (role.kind === 'resident' || u8(h, 50) % 100 < 80) && issuedOn >= birthDate;

  const sponsor =
    role.sponsor === 'establishment'
      ? { kind: 'establishment' as const, id: establishmentNumber(hh.chunk, pick(ESTABLISHMENT_PICKS, u16(h, 54))) }
      : role.sponsor === 'head'
        ? { kind: 'person' as const, id: hh.headIdNumber }
        : null;

  return {
    index,
    idNumber: identityNumberAt(role.kind, index),
    kind: role.kind,
    nameAr: name.ar,
    nameEn: name.en,
    gender,
    birthDate,
    nationality: NATIONALITIES[nationality]!.code,
    mobile: mobileAt(c, index),
    fingerprintRight: h.subarray(0, 16),
    fingerprintLeft: h.subarray(16, 32),
    passportNumber: hasPassport ? passportNumberAt(c, nationality, index) : null,
    passportIssuedOn: hasPassport ? issuedOn : null,
    passportExpiresOn: hasPassport ? expiresOn : null,
    iqamaExpiresOn: role.kind === 'resident' ? iqamaExpiry(h, asOf) : null,
    sponsorKind: sponsor?.kind ?? null,
    sponsorId: sponsor?.id ?? null,
    profession: professionFor(role, gender, age, h),
    maritalStatus: maritalFor(role, age, h),
    family:
      role.relation === 'spouse'
        ? { headIdNumber: hh.headIdNumber, relation: 'spouse' }
        : role.relation === 'child'
          ? { headIdNumber: hh.headIdNumber, relation: gender === 'f' ? 'daughter' : 'son' }
          : null,
  };
}

export type StandaloneOptions = {
  kind: 'citizen' | 'resident';
  gender?: 'm' | 'f';
  birthDate?: string;
  nationality?: string;
  passportExpiresOn?: string;
  iqamaExpiresOn?: string;
  sponsor?: { kind: 'establishment' | 'person'; id: string };
};

/**
 * A person outside any household, for the sandbox API (indices [BULK_LIMIT, INDEX_LIMIT)):
 * an adult citizen, or a resident worker sponsored by one of the first establishments,
 * unless the options say otherwise. Always holds a passport.
 */
export function generateStandalonePerson(seed: number, index: number, asOf: string, opts: StandaloneOptions): SyntheticPerson {
  if (!Number.isInteger(index) || index < BULK_LIMIT || index >= INDEX_LIMIT) throw new RangeError('index out of the API range');
  const c = populationConstants(seed);
  const h = personHash(c.seedText, index);
  const role: Role = opts.kind === 'citizen' ? ROLES.citizenAdult : ROLES.worker;

  const gender = opts.gender ?? (u8(h, 32) % 100 < role.femalePerHundred ? 'f' : 'm');
  const nationality =
    opts.kind === 'citizen'
      ? SAUDI
      : opts.nationality
        ? nationalityIndex(opts.nationality)
        : pick(WORKER_NATIONALITIES, u16(h, 33));
  const group = NAME_GROUPS[NATIONALITY_GROUP[nationality]!]!;
  const name = fullName(
    nationality,
    pick(gender === 'f' ? group.female : group.male, u16(h, 35)),
    pick(group.male, u16(h, 37)),
    pick(group.family, u16(h, 39)),
  );
  const [min, max] = role.age as readonly [number, number];
  const birthDate = opts.birthDate ?? birthDateFor(min + (u16(h, 41) % (max - min + 1)), h);
  const age = Math.max(0, ageOn(birthDate, asOf));

  const validity = age < 18 ? DAYS_5_YEARS : u8(h, 46) % 2 === 1 ? DAYS_10_YEARS : DAYS_5_YEARS;
  const expiresOn = opts.passportExpiresOn ?? passportExpiry(h, asOf, validity);
  // A passport is never issued before its holder was born nor after today.
  const earliest = birthDate > asOf ? asOf : birthDate;
  let issuedOn = addDays(expiresOn, 1 - validity);
  if (daysBetween(asOf, issuedOn) > 0) issuedOn = asOf;
  if (issuedOn < earliest) issuedOn = earliest;

  const sponsor =
    opts.kind === 'resident'
      ? (opts.sponsor ?? { kind: 'establishment' as const, id: establishmentNumber(0, pick(ESTABLISHMENT_PICKS, u16(h, 54))) })
      : null;
  const profession =
    opts.kind === 'citizen' ? null : age >= 18 ? professionFor(role, gender, age, h) : age >= 6 ? 'student' : null;

  return {
    index,
    idNumber: identityNumberAt(opts.kind, index),
    kind: opts.kind,
    nameAr: name.ar,
    nameEn: name.en,
    gender,
    birthDate,
    nationality: NATIONALITIES[nationality]!.code,
    mobile: mobileAt(c, index),
    fingerprintRight: h.subarray(0, 16),
    fingerprintLeft: h.subarray(16, 32),
    passportNumber: passportNumberAt(c, nationality, index),
    passportIssuedOn: issuedOn,
    passportExpiresOn: expiresOn,
    iqamaExpiresOn: opts.kind === 'resident' ? (opts.iqamaExpiresOn ?? iqamaExpiry(h, asOf)) : null,
    sponsorKind: sponsor?.kind ?? null,
    sponsorId: sponsor?.id ?? null,
    profession,
    maritalStatus: maritalFor(role, age, h),
    family: null,
  };
}

