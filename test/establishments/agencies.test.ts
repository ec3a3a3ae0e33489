// The sandbox labour and health ministries and the registry's establishment records, through
// their ports: what they answer, and how they fail when told to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app';
import { addWorkers, buildEstablishment, setLabourRecord, setMedicalRecord } from '../helpers/establishments';
import { buildPerson } from '../helpers/factories';
import { AgencyUnavailableError } from '../../src/server/adapters/population-registry/port';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ env: { AGENCY_TIMEOUT_MS: '300' } });
});
afterAll(async () => t?.close());

describe('sandbox labour ministry', () => {
  it('knows an establishment with its owner and the count of residents it sponsors', async () => {
    const est = await buildEstablishment(t, { workers: 4 });
    const found = await t.deps.labour.findEstablishment(est.id);
    expect(found).toMatchObject({ id: est.id, ownerIdNumber: est.owner.person.idNumber, workerCount: 4, region: 'riyadh' });
    expect((await t.deps.labour.establishmentsOwnedBy(est.owner.person.idNumber)).map((e) => e.id)).toEqual([est.id]);
    expect(await t.deps.labour.findEstablishment('7999999999')).toBeNull();
  });

  it('gives a worker a permit until the iqama expires unless its record says otherwise', async () => {
    const est = await buildEstablishment(t, { workers: 2, worker: { iqamaExpiresOn: '2027-03-01' } });
    const [a, b] = est.workers;
    expect(await t.deps.labour.findWorker(a!.idNumber)).toEqual({ idNumber: a!.idNumber, establishmentId: est.id, profession: 'electrician', permitExpiresOn: '2027-03-01', absentFromWork: false });
    await setLabourRecord(t.deps.database.db, b!.idNumber, { permitExpiresOn: null, absentFromWork: true });
    expect(await t.deps.labour.findWorker(b!.idNumber)).toMatchObject({ permitExpiresOn: null, absentFromWork: true });
    const domestic = await buildPerson(t.deps.database.db, { kind: 'resident', sponsorKind: 'person', sponsorId: est.owner.person.idNumber });
    expect(await t.deps.labour.findWorker(domestic.idNumber)).toBeNull();
  });

  it('lists professions, marking the domestic ones', async () => {
    const list = await t.deps.labour.professions();
    expect(list.find((p) => p.code === 'electrician')).toMatchObject({ domestic: false, name: { en: 'Electrician' } });
    expect(list.find((p) => p.code === 'private_driver')?.domestic).toBe(true);
    expect(list.some((p) => p.code === 'student')).toBe(false);
  });

  it('answers an approval once: asking again with the same reference gets the first answer', async () => {
    const faults = t.deps.sandboxFaults!.labour;
    const ask = (reference: string) => t.deps.labour.requestApproval({ reference, kind: 'profession_change', idNumber: '2000000048', establishmentId: '7000100000', details: {} });
    faults.set({ refusalPercent: 100 });
    expect(await ask('ref-1')).toEqual({ approved: false, reason: 'refused_by_labour_ministry' });
    faults.set({ refusalPercent: 0 });
    expect(await ask('ref-1')).toEqual({ approved: false, reason: 'refused_by_labour_ministry' });
    expect(await ask('ref-2')).toEqual({ approved: true, reason: null });
    // A refusal rate refuses about that share of distinct references.
    faults.set({ refusalPercent: 30 });
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => ask(`rate-${i}`)));
    const refused = answers.filter((a) => !a.approved).length;
    expect(refused).toBeGreaterThan(30);
    expect(refused).toBeLessThan(90);
    faults.set({ refusalPercent: 0 });
  });

  it('fails when down, and times out when slower than the agency timeout', async () => {
    const faults = t.deps.sandboxFaults!.labour;
    faults.set({ down: true });
    await expect(t.deps.labour.findEstablishment('7000100000')).rejects.toBeInstanceOf(AgencyUnavailableError);
    faults.set({ down: false, delayMs: 1000 });
    // Slower than the 300 ms the platform waits: a timeout, not a late answer.
    await expect(t.deps.labour.professions()).rejects.toBeInstanceOf(AgencyUnavailableError);
    faults.set({ delayMs: 0 });
    await expect(t.deps.labour.professions()).resolves.not.toHaveLength(0);
  });
});

describe('sandbox health ministry', () => {
  it('reads the examination and insurance, none for a person never examined', async () => {
    const p = await buildPerson(t.deps.database.db, { kind: 'resident' });
    expect(await t.deps.health.medicalRecord(p.idNumber)).toEqual({ exam: null, insuredUntil: null });
    await setMedicalRecord(t.deps.database.db, p.idNumber, { examResult: 'fit', examinedOn: '2026-10-01', insuredUntil: '2027-10-01' });
    expect(await t.deps.health.medicalRecord(p.idNumber)).toEqual({ exam: { result: 'fit', examinedOn: '2026-10-01' }, insuredUntil: '2027-10-01' });
    t.deps.sandboxFaults!.health.set({ down: true });
    await expect(t.deps.health.medicalRecord(p.idNumber)).rejects.toBeInstanceOf(AgencyUnavailableError);
    t.deps.sandboxFaults!.health.set({ down: false });
  });
});

describe('registry: an establishment’s workers and what the directorate records', () => {
  it('pages, filters and sorts the workers', async () => {
    const est = await buildEstablishment(t, { workers: 0 });
    const db = t.deps.database.db;
    await addWorkers(db, est.id, 3, { nationality: 'IND', iqamaExpiresOn: '2027-05-01' });
    const [late] = await addWorkers(db, est.id, 1, { nationality: 'PAK', iqamaExpiresOn: '2026-12-01', nameEn: 'Aamir Khan' });
    const base = { sort: 'iqama_expiry', order: 'asc', offset: 0, limit: 2 } as const;
    const page = await t.deps.registry.establishmentWorkers(est.id, base);
    expect(page.total).toBe(4);
    expect(page.persons).toHaveLength(2);
    expect(page.persons[0]!.idNumber).toBe(late!.idNumber);
    // Only what the view shows is read: no mobile, birth date, fingerprints or family.
    expect(page.persons[0]).toStrictEqual({
      idNumber: late!.idNumber,
      name: { ar: expect.any(String), en: 'Aamir Khan' },
      nationality: 'PAK',
      passport: { number: expect.any(String), issuedOn: expect.any(String), expiresOn: expect.any(String) },
      iqama: { number: late!.idNumber, expiresOn: '2026-12-01' },
      profession: expect.toSatisfy((v: unknown) => v === null || typeof v === 'string'),
    });
    const next = await t.deps.registry.establishmentWorkers(est.id, { ...base, offset: 2 });
    expect(next.persons).toHaveLength(2);
    expect(new Set([...page.persons, ...next.persons].map((p) => p.idNumber)).size).toBe(4);
    expect((await t.deps.registry.establishmentWorkers(est.id, { ...base, nationality: 'PAK' })).total).toBe(1);
    expect((await t.deps.registry.establishmentWorkers(est.id, { ...base, expiringBy: '2027-01-01' })).total).toBe(1);
    expect((await t.deps.registry.establishmentWorkers(est.id, { ...base, search: 'aamir' })).total).toBe(1);
    expect((await t.deps.registry.establishmentWorkers(est.id, { ...base, search: late!.idNumber.slice(0, 10) })).total).toBe(1);
    // LIKE wildcards in a search are taken literally.
    expect((await t.deps.registry.establishmentWorkers(est.id, { ...base, search: '%' })).total).toBe(0);
  });

  it('records an iqama, a sponsor and a profession', async () => {
    const est = await buildEstablishment(t, { workers: 1 });
    const w = est.workers[0]!;
    await t.deps.registry.recordIqama(w.idNumber, { expiresOn: '2028-01-31' });
    await t.deps.registry.recordSponsor(w.idNumber, { kind: 'establishment', id: '7000000001' });
    await t.deps.registry.recordProfession(w.idNumber, 'plumber');
    expect(await t.deps.registry.findPerson(w.idNumber)).toMatchObject({ iqama: { expiresOn: '2028-01-31' }, sponsor: { kind: 'establishment', id: '7000000001' }, profession: 'plumber' });
  });
});
