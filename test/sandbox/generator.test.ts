import { describe, expect, it } from 'vitest';
import { parseIdentityNumber } from '../../src/domain/identity-number';
import { normalizeMobile } from '../../src/domain/mobile';
import { CHUNK_SIZE, NATIONALITIES, PROFESSIONS, RESIDENT_NATIONALITY_CODES } from '../../src/domain/synthetic/catalogue';
import {
  addDays,
  ageOn,
  BIRTH_EPOCH,
  BULK_LIMIT,
  generatePerson,
  generateStandalonePerson,
  type SyntheticPerson,
} from '../../src/domain/synthetic/population';

const SEED = 20261123;
const AS_OF = '2026-11-23';

function population(seed: number, from: number, to: number): SyntheticPerson[] {
  const out: SyntheticPerson[] = [];
  for (let i = from; i < to; i++) out.push(generatePerson(seed, i, AS_OF));
  return out;
}

// Two chunks: enough people for the establishments' long tail to show.
const people = population(SEED, 0, 2 * CHUNK_SIZE);
const byId = new Map(people.map((p) => [p.idNumber, p]));

describe('the synthetic population generator', () => {
  it('gives the same persons for the same seed, and other persons for another seed', () => {
    const again = population(SEED, 0, 300);
    expect(again).toEqual(people.slice(0, 300));
    const other = population(SEED + 1, 0, 300);
    const same = other.filter((p, i) => p.nameEn === people[i]!.nameEn && p.mobile === people[i]!.mobile);
    expect(same.length).toBeLessThan(10);
    // Person i is a function of i alone: generating it out of order changes nothing.
    expect(generatePerson(SEED, 5000, AS_OF)).toEqual(people[5000]);
  });

  it('gives valid, unique identity numbers, mobiles and passport numbers', () => {
    const api = Array.from({ length: 500 }, (_, k) => generateStandalonePerson(SEED, BULK_LIMIT + k, AS_OF, { kind: k % 2 ? 'citizen' : 'resident' }));
    const all = [...people, ...api];
    for (const p of all) {
      expect(parseIdentityNumber(p.idNumber)).toBe(p.idNumber);
      expect(p.idNumber[0]).toBe(p.kind === 'citizen' ? '1' : '2');
      expect(p.mobile).toMatch(/^\+9665[1-9]\d{7}$/);
      expect(normalizeMobile(p.mobile)).toBe(p.mobile);
      if (p.passportNumber) expect(p.passportNumber).toMatch(/^[A-Z][1-9]\d{7}$/);
    }
    expect(new Set(all.map((p) => p.idNumber)).size).toBe(all.length);
    expect(new Set(all.map((p) => p.mobile)).size).toBe(all.length);
    const passports = all.filter((p) => p.passportNumber).map((p) => p.passportNumber);
    expect(new Set(passports).size).toBe(passports.length);
  });

  it('draws citizens and residents with names in both scripts, ages 0 to 80 and two 16-byte fingerprints', () => {
    const citizens = people.filter((p) => p.kind === 'citizen');
    const residents = people.filter((p) => p.kind === 'resident');
    expect(citizens.length / people.length).toBeGreaterThan(0.4);
    expect(residents.length / people.length).toBeGreaterThan(0.3);
    expect(new Set(citizens.map((p) => p.nationality))).toEqual(new Set(['SAU']));
    expect(new Set(residents.map((p) => p.nationality)).size).toBeGreaterThanOrEqual(10);
    for (const p of people) {
      expect(p.nameAr).toMatch(/^[\u0600-\u06FF]+( [\u0600-\u06FF]+){1,3}$/);
      expect(p.nameEn).toMatch(/^[A-Z][A-Za-z-]+( [A-Z][A-Za-z-]+){1,3}$/);
      expect(['m', 'f']).toContain(p.gender);
      const age = ageOn(p.birthDate, BIRTH_EPOCH);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(80);
      expect(p.fingerprintRight).toHaveLength(16);
      expect(p.fingerprintLeft).toHaveLength(16);
      expect(p.fingerprintRight.equals(p.fingerprintLeft)).toBe(false);
    }
    const ages = people.map((p) => ageOn(p.birthDate, BIRTH_EPOCH));
    expect(Math.min(...ages)).toBe(0);
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(78);
    expect(people.filter((p) => p.gender === 'f').length / people.length).toBeGreaterThan(0.3);
  });

  it('gives passports and iqamas that are valid, expiring soon or expired', () => {
    const soon = addDays(AS_OF, 90);
    const passports = people.filter((p) => p.passportExpiresOn);
    const expired = passports.filter((p) => p.passportExpiresOn! < AS_OF);
    const expiring = passports.filter((p) => p.passportExpiresOn! >= AS_OF && p.passportExpiresOn! <= soon);
    expect(expired.length / passports.length).toBeGreaterThan(0.05);
    expect(expiring.length / passports.length).toBeGreaterThan(0.05);
    for (const p of passports) {
      expect(p.passportIssuedOn! <= AS_OF).toBe(true);
      expect(p.passportIssuedOn! >= p.birthDate).toBe(true);
      expect(p.passportIssuedOn! < p.passportExpiresOn!).toBe(true);
    }
    const residents = people.filter((p) => p.kind === 'resident');
    expect(residents.every((p) => p.iqamaExpiresOn && p.passportNumber !== undefined)).toBe(true);
    expect(people.filter((p) => p.kind === 'citizen').every((p) => p.iqamaExpiresOn === null && p.sponsorId === null)).toBe(true);
    const iqamaExpired = residents.filter((p) => p.iqamaExpiresOn! < AS_OF).length;
    const iqamaSoon = residents.filter((p) => p.iqamaExpiresOn! >= AS_OF && p.iqamaExpiresOn! <= addDays(AS_OF, 30)).length;
    const iqamaMonthTwo = residents.filter((p) => p.iqamaExpiresOn! > addDays(AS_OF, 30) && p.iqamaExpiresOn! <= addDays(AS_OF, 60)).length;
    for (const n of [iqamaExpired, iqamaSoon, iqamaMonthTwo]) expect(n / residents.length).toBeGreaterThan(0.05);
  });

  it('gives residents a profession and a sponsor: an establishment or a head of family', () => {
    const codes = new Set(PROFESSIONS.map((p) => p.code));
    for (const p of people.filter((x) => x.kind === 'resident')) {
      if (p.profession !== null) expect(codes.has(p.profession)).toBe(true);
      if (p.sponsorKind === 'establishment') expect(p.sponsorId).toMatch(/^7\d{9}$/);
      else {
        expect(p.sponsorKind).toBe('person');
        const sponsor = byId.get(p.sponsorId!);
        expect(sponsor, `sponsor of ${p.idNumber}`).toBeDefined();
        expect(parseIdentityNumber(p.sponsorId!)).toBe(p.sponsorId);
      }
    }
    const perPersonSponsor = people.filter((p) => p.sponsorKind === 'person');
    expect(perPersonSponsor.some((p) => p.profession === 'domestic_worker' || p.profession === 'private_driver')).toBe(true);
    expect(perPersonSponsor.some((p) => byId.get(p.sponsorId!)!.kind === 'citizen')).toBe(true);
    expect(perPersonSponsor.some((p) => byId.get(p.sponsorId!)!.kind === 'resident')).toBe(true);
  });

  it('makes establishments of very different sizes, some above 100 workers', () => {
    const workers = new Map<string, number>();
    for (const p of people) if (p.sponsorKind === 'establishment') workers.set(p.sponsorId!, (workers.get(p.sponsorId!) ?? 0) + 1);
    const sizes = [...workers.values()].sort((a, b) => b - a);
    expect(sizes.length).toBeGreaterThan(40);
    expect(sizes.filter((n) => n > 100).length).toBeGreaterThanOrEqual(2);
    expect(sizes.filter((n) => n <= 20).length).toBeGreaterThan(20);
  });

  it('gives heads of family their spouse and children, who share the family name', () => {
    const members = people.filter((p) => p.family);
    expect(members.length / people.length).toBeGreaterThan(0.2);
    const heads = new Set(members.map((p) => p.family!.headIdNumber));
    for (const m of members) {
      const head = byId.get(m.family!.headIdNumber)!;
      expect(head, `head of ${m.idNumber}`).toBeDefined();
      expect(head.family).toBeNull();
      expect(head.gender).toBe('m');
      expect(head.kind).toBe(m.kind);
      const headFamilyName = head.nameEn.split(' ').slice(-1)[0];
      if (m.family!.relation === 'spouse') {
        expect(m.gender).toBe('f');
        expect(m.maritalStatus).toBe('married');
      } else {
        expect(m.family!.relation).toBe(m.gender === 'f' ? 'daughter' : 'son');
        expect(m.nameEn.endsWith(headFamilyName!)).toBe(true);
        expect(m.birthDate > head.birthDate).toBe(true);
        expect(ageOn(head.birthDate, BIRTH_EPOCH) - ageOn(m.birthDate, BIRTH_EPOCH)).toBeGreaterThanOrEqual(18);
      }
    }
    const sizes = [...heads].map((h) => members.filter((m) => m.family!.headIdNumber === h).length);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(5);
  });

  it('adds single persons on request, keeping every field the caller fixed', () => {
    const p = generateStandalonePerson(SEED, BULK_LIMIT + 7, AS_OF, {
      kind: 'resident',
      gender: 'f',
      birthDate: '1992-02-29',
      nationality: 'EGY',
      passportExpiresOn: '2027-01-15',
      iqamaExpiresOn: '2026-12-01',
      sponsor: { kind: 'establishment', id: '7012345678' },
    });
    expect(p).toMatchObject({
      kind: 'resident',
      gender: 'f',
      birthDate: '1992-02-29',
      nationality: 'EGY',
      passportExpiresOn: '2027-01-15',
      iqamaExpiresOn: '2026-12-01',
      sponsorKind: 'establishment',
      sponsorId: '7012345678',
      family: null,
    });
    expect(p.passportIssuedOn! <= AS_OF).toBe(true);
    expect(p.nameAr.split(' ')).toHaveLength(3);
    expect(generateStandalonePerson(SEED, BULK_LIMIT + 7, AS_OF, { kind: 'citizen' }).nationality).toBe('SAU');
    expect(RESIDENT_NATIONALITY_CODES).not.toContain('SAU');
    expect(NATIONALITIES.filter((n) => n.code !== 'SAU').every((n) => n.workerWeight + n.domesticWeight > 0)).toBe(true);
  });

  it('refuses indices outside its ranges', () => {
    expect(() => generatePerson(SEED, -1, AS_OF)).toThrow(RangeError);
    expect(() => generatePerson(SEED, BULK_LIMIT, AS_OF)).toThrow(RangeError);
    expect(() => generateStandalonePerson(SEED, 5, AS_OF, { kind: 'citizen' })).toThrow(RangeError);
  });
});
