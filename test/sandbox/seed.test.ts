import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, gte, inArray, sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { accounts, establishments, offices, registryFamilyLinks, registryPersons, sandboxEstablishments, staffRoles, systemState } from '../../src/server/db/schema';
import { seedSandbox } from '../../src/server/modules/sandbox/seed';
import { DEMO_ESTABLISHMENT, generatedPersonaWorkers, PERSONA_RELATIVES, PERSONA_WORKERS, PERSONAS, SANDBOX_PASSWORD } from '../../src/server/modules/sandbox/personas';
import { SANDBOX_OFFICES } from '../../src/server/modules/sandbox/offices';
import { addDays, generatePerson } from '../../src/domain/synthetic/population';
import { parseIdentityNumber } from '../../src/domain/identity-number';

const SEED = 4242;
let t: TestContext;

beforeAll(async () => {
  t = await createTestApp({ env: { SANDBOX_SEED: String(SEED) } });
});
afterAll(() => t.close());

const db = () => t.deps.database.db;
/** Everyone the personas bring: themselves, their relatives, their establishments' workers. */
const PERSONA_PEOPLE = PERSONAS.length + PERSONA_RELATIVES.length + PERSONA_WORKERS.length + generatedPersonaWorkers().length;
const rows = async (table: typeof registryPersons | typeof accounts | typeof offices | typeof registryFamilyLinks) =>
  (await db().select({ n: count() }).from(table))[0]!.n;

describe('seedSandbox on the first start', () => {
  it('loads the offices, the personas and the first synthetic persons, once', async () => {
    const first = await seedSandbox(t.deps, { persons: 40, firstStartOnly: true });
    expect(first).toMatchObject({ skipped: false, offices: SANDBOX_OFFICES.length, persons: 40, firstIndex: 0 });
    expect(first.personas).toBe(PERSONA_PEOPLE);
    expect(first.accounts).toBe(PERSONAS.filter((p) => p.account).length);

    const officeRows = await db().select().from(offices);
    expect(officeRows.map((o) => o.id).sort()).toEqual(SANDBOX_OFFICES.map((o) => o.id).sort());
    expect(officeRows.filter((o) => o.kind === 'airport').map((o) => o.city).sort()).toEqual(['Dammam', 'Jeddah', 'Madinah', 'Riyadh']);
    expect(new Set(officeRows.map((o) => o.region)).size).toBe(9);

    // The first start's synthetic persons are in the registry without accounts, ready to register.
    expect(await rows(registryPersons)).toBe(40 + PERSONA_PEOPLE);
    expect(await rows(accounts)).toBe(PERSONAS.filter((p) => p.account).length);

    const again = await seedSandbox(t.deps, { persons: 40, firstStartOnly: true });
    expect(again).toMatchObject({ skipped: true, persons: 0, accounts: 0 });
    expect(await rows(registryPersons)).toBe(40 + PERSONA_PEOPLE);
    const [state] = await db().select().from(systemState).where(eq(systemState.key, 'sandbox.population'));
    expect(state!.value).toMatchObject({ seed: SEED, nextIndex: 40 });
  });

  it('gives the personas the documented accounts, roles and family', async () => {
    const seeded = await db()
      .select()
      .from(accounts)
      .where(inArray(accounts.idNumber, PERSONAS.map((p) => p.person.idNumber)));
    for (const persona of PERSONAS) {
      expect(parseIdentityNumber(persona.person.idNumber)).toBe(persona.person.idNumber);
      const account = seeded.find((a) => a.idNumber === persona.person.idNumber);
      if (!persona.account) {
        expect(account).toBeUndefined();
        continue;
      }
      expect(account).toMatchObject({ username: persona.account.username, status: persona.account.status, mobile: persona.person.mobile });
      if (persona.account.status === 'active') {
        expect(account!.activationChannel).toBe(persona.account.activation!.channel);
        expect(account!.activatedAt).toBeInstanceOf(Date);
      } else {
        expect(account!.activationChannel).toBeNull();
      }
    }
    // One hash for all of them, of the documented password.
    expect(new Set(seeded.map((a) => a.passwordHash)).size).toBe(1);
    expect(seeded[0]!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await t.deps.passwords.verify(seeded[0]!.passwordHash, SANDBOX_PASSWORD)).toBe(true);

    const roles = await db().select().from(staffRoles);
    const officer = seeded.find((a) => a.username === 'demo.officer')!;
    const supervisor = seeded.find((a) => a.username === 'demo.supervisor')!;
    expect(roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ accountId: officer.id, role: 'officer', officeId: 'office-riyadh' }),
        expect.objectContaining({ accountId: supervisor.id, role: 'supervisor' }),
      ]),
    );

    const head = PERSONAS.find((p) => p.key === 'family')!.person.idNumber;
    const family = await db().select().from(registryFamilyLinks).where(eq(registryFamilyLinks.headIdNumber, head));
    expect(family.map((l) => l.relation).sort()).toEqual(['daughter', 'son', 'son', 'spouse']);
    const sponsored = await db().select().from(registryPersons).where(eq(registryPersons.sponsorId, head));
    expect(sponsored.map((p) => p.profession).sort()).toEqual(['domestic_worker', 'private_driver']);
  });

  it('loads synthetic persons identical to the TypeScript generator, family links included', async () => {
    await expectSameAsGenerator(0, 40);
  });
});

/** The bulk SQL and generatePerson must give the very same people. */
async function expectSameAsGenerator(from: number, to: number): Promise<void> {
  const [state] = await db().select().from(systemState).where(eq(systemState.key, 'sandbox.population'));
  const { asOf } = state!.value as { asOf: string };
  const loaded = await db().select().from(registryPersons).where(gte(registryPersons.idNumber, '1100000000'));
  const byId = new Map(loaded.map((r) => [r.idNumber, r]));
  const links = new Map((await db().select().from(registryFamilyLinks)).map((l) => [l.memberIdNumber, l]));
  for (let i = from; i < to; i++) {
    const p = generatePerson(SEED, i, asOf);
    const row = byId.get(p.idNumber);
    expect(row, `person ${i}`).toBeDefined();
    const { index: _index, family, fingerprintLeft, fingerprintRight, ...fields } = p;
    expect(row).toMatchObject(fields);
    expect(Buffer.compare(row!.fingerprintRight, fingerprintRight)).toBe(0);
    expect(Buffer.compare(row!.fingerprintLeft, fingerprintLeft)).toBe(0);
    const link = links.get(p.idNumber);
    expect(link ? { headIdNumber: link.headIdNumber, relation: link.relation } : null).toEqual(family);
  }
}

describe('seedSandbox --persons N', () => {
  it('adds N persons with active accounts, and N different ones when run again', async () => {
    const before = { persons: await rows(registryPersons), accounts: await rows(accounts) };
    const one = await seedSandbox(t.deps, { persons: 250, firstStartOnly: false, chunkSize: 100 });
    expect(one).toMatchObject({ skipped: false, persons: 250, accounts: 250, firstIndex: 40 });
    // One argon2id hash per run, shared by all its accounts.
    const hashes = await db().selectDistinct({ h: accounts.passwordHash }).from(accounts).where(sql`${accounts.username} like 'u%'`);
    expect(hashes).toHaveLength(1);
    const two = await seedSandbox(t.deps, { persons: 250, firstStartOnly: false, chunkSize: 100 });
    expect(two).toMatchObject({ persons: 250, accounts: 250, firstIndex: 290 });

    expect(await rows(registryPersons)).toBe(before.persons + 500);
    expect(await rows(accounts)).toBe(before.accounts + 500);

    const seeded = await db()
      .select({ a: accounts, p: registryPersons })
      .from(accounts)
      .innerJoin(registryPersons, eq(registryPersons.idNumber, accounts.idNumber))
      .where(sql`${accounts.username} like 'u%'`);
    expect(seeded).toHaveLength(500);
    expect(new Set(seeded.map((s) => s.a.idNumber)).size).toBe(500);
    expect(new Set(seeded.map((s) => s.a.id)).size).toBe(500);
    for (const { a, p } of seeded) {
      expect(a.status).toBe('active');
      expect(a.mobile).toBe(p.mobile);
      expect(a.username).toBe(`u${p.idNumber}`);
      expect(['office', 'atm', 'kiosk']).toContain(a.activationChannel);
      expect(a.activationLocation).toBeTruthy();
      expect(a.activatedAt!.getTime()).toBeGreaterThanOrEqual(a.createdAt.getTime());
      expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(seeded.map((s) => s.a.activationChannel))).toEqual(new Set(['office', 'atm', 'kiosk']));
    expect(await t.deps.passwords.verify(seeded.at(-1)!.a.passwordHash, SANDBOX_PASSWORD)).toBe(true);

    await expectSameAsGenerator(40, 540);

    // The first start is still recorded once; the population counter moved past both runs.
    const [state] = await db().select().from(systemState).where(eq(systemState.key, 'sandbox.population'));
    expect(state!.value).toMatchObject({ nextIndex: 540 });
  });

  it('seeds the base data first when it runs on a fresh database', async () => {
    const fresh = await createTestApp();
    try {
      const result = await seedSandbox(fresh.deps, { persons: 20, firstStartOnly: false });
      expect(result).toMatchObject({ offices: SANDBOX_OFFICES.length, persons: 20, firstIndex: 0 });
      expect(result.accounts).toBe(20 + PERSONAS.filter((p) => p.account).length);
      // The bulk path does not count as the first start's population: serving later adds none.
      const serve = await seedSandbox(fresh.deps, { persons: 200, firstStartOnly: true });
      expect(serve.skipped).toBe(true);
      const [n] = await fresh.deps.database.db.select({ n: count() }).from(accounts).where(eq(accounts.status, 'active'));
      expect(n!.n).toBe(20 + PERSONAS.filter((p) => p.account?.status === 'active').length);
    } finally {
      await fresh.close();
    }
  });
});

describe('the establishments of the seeded sandbox', () => {
  it('gives the demo owner the demo establishment, open on Absher, and two more at 100 and 101 workers', async () => {
    const owner = PERSONAS.find((p) => p.key === 'owner')!;
    const owned = await t.deps.labour.establishmentsOwnedBy(owner.person.idNumber);
    // Ordered by unified number: the two paper-rule establishments sit below the synthetic ones.
    expect(owned.map((e) => e.id)).toEqual(['7000000100', '7000000101', DEMO_ESTABLISHMENT]);
    expect(owned.map((e) => e.workerCount).slice(0, 2)).toEqual([100, 101]);
    expect(owned[2]!.workerCount).toBeGreaterThan(PERSONA_WORKERS.length);
    const [account] = await db().select().from(accounts).where(eq(accounts.username, 'demo.owner'));
    const opened = await db().select().from(establishments);
    expect(opened.map((e) => [e.id, e.ownerAccountId])).toContainEqual([DEMO_ESTABLISHMENT, account!.id]);
    expect(opened.some((e) => e.id === '7000000100' || e.id === '7000000101')).toBe(false);
  });

  it('has workers whose iqama expires soon or has expired, and a new arrival without one who passed the medical examination', async () => {
    const page = await t.deps.registry.establishmentWorkers(DEMO_ESTABLISHMENT, { sort: 'iqama_expiry', order: 'asc', offset: 0, limit: 100, expiringBy: '2999-01-01' });
    const listed = new Set(PERSONA_WORKERS.map((w) => w.person.idNumber));
    const mine = page.persons.filter((p) => listed.has(p.idNumber));
    expect(mine).toHaveLength(PERSONA_WORKERS.length);
    const asOf = (await db().select().from(systemState).where(eq(systemState.key, 'sandbox.population')))[0]!.value as { asOf: string };
    expect(mine.some((p) => p.iqama && p.iqama.expiresOn < asOf.asOf)).toBe(true);
    expect(mine.some((p) => p.iqama && p.iqama.expiresOn >= asOf.asOf && p.iqama.expiresOn <= addDays(asOf.asOf, 30))).toBe(true);
    const arrival = mine.find((p) => p.iqama === null)!;
    expect((await t.deps.registry.findPerson(arrival.idNumber))?.arrivedOn).toBe(addDays(asOf.asOf, -12));
    const medical = await t.deps.health.medicalRecord(arrival.idNumber);
    expect(medical.exam?.result).toBe('fit');
    expect(medical.insuredUntil! > asOf.asOf).toBe(true);
  });

  it('has every establishment a synthetic worker refers to, of several sizes, each owned by a seeded citizen', async () => {
    const referenced = await db()
      .selectDistinct({ id: registryPersons.sponsorId })
      .from(registryPersons)
      .where(and(eq(registryPersons.sponsorKind, 'establishment'), gte(registryPersons.idNumber, '2')));
    const known = await db().select().from(sandboxEstablishments);
    const byId = new Map(known.map((e) => [e.id, e]));
    for (const r of referenced) expect(byId.has(r.id!), r.id!).toBe(true);
    const synthetic = known.filter((e) => e.id >= '7000100000');
    expect(synthetic.length).toBeGreaterThan(10);
    const owners = await db().select().from(registryPersons).where(inArray(registryPersons.idNumber, synthetic.map((e) => e.ownerIdNumber)));
    expect(owners.every((o) => o.kind === 'citizen')).toBe(true);
    for (const e of synthetic) expect(e.nameEn).toMatch(/ Est\.$/);
    const sizes = new Set(await Promise.all(synthetic.slice(0, 12).map(async (e) => (await t.deps.labour.findEstablishment(e.id))!.workerCount)));
    expect(sizes.size).toBeGreaterThan(2);
  });
});
