// Seeds the sandbox: on the first start the passports offices, the demo personas and a
// first synthetic population (registry only, so that anyone can try registering); on
// `absher seed --persons N`, N more synthetic persons with registered, activated accounts,
// continuing after the persons already there.
//
// The bulk path computes the people inside the database (bulk-sql.ts) in chunks. On
// PostgreSQL two connections work at once, each table written by one of them: the registry
// rows on one, the family links and accounts on the other (the two halves cost about the
// same), so that both cores are used and every index grows at its right edge (keys ascend
// with the index), which keeps its pages full.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { SANDBOX_CHANNEL_CLIENTS } from '../../config';
import type { Executor } from '../../db/client';
import { accounts, establishments, offices, registryFamilyLinks, registryPersons, sandboxEstablishments, sandboxMedical, staffRoles, termsVersions } from '../../db/schema';
import type { Deps } from '../../deps';
import { newId } from '../../platform/crypto';
import { addDays, populationConstants } from '../../../domain/synthetic/population';
import { insertAccountsSql, insertEstablishmentsSql, insertFamilyLinksSql, insertPersonsSql, type AccountOptions, type BulkContext } from './bulk-sql';
import { SANDBOX_OFFICES } from './offices';
import {
  generatedPersonaWorkers,
  PERSONA_ESTABLISHMENTS,
  PERSONA_RELATIVES,
  PERSONA_WORKERS,
  PERSONAS,
  personaFingerprints,
  personaPassportNumber,
  SANDBOX_PASSWORD,
  type PersonaPerson,
} from './personas';
import { ensurePopulationState, firstStartDone, recordFirstStart, reserveIndices, type PopulationState } from './population-state';

export type SeedResult = {
  /** True when this was a first-start seeding that had already been done. */
  skipped: boolean;
  offices: number;
  /** Demo personas, their relatives and their establishments' workers loaded now. */
  personas: number;
  /** Establishments added to the labour ministry's sandbox now (the personas' and those the synthetic workers refer to). */
  establishments: number;
  /** Synthetic persons added now. */
  persons: number;
  /** Accounts created now (personas' and synthetic persons'). */
  accounts: number;
  /** The population index of the first synthetic person added, when any was. */
  firstIndex: number | null;
};

export type SeedOptions = {
  persons: number;
  firstStartOnly: boolean;
  /** Persons per statement; the default suits both engines. */
  chunkSize?: number;
};

/** Serializes instances that start together on one PostgreSQL database. */
const SEED_LOCK = 727_264_002;

export async function seedSandbox(deps: Deps, opts: SeedOptions): Promise<SeedResult> {
  if (!deps.config.sandbox) throw new Error('the sandbox is seeded only in sandbox mode');
  if (!Number.isInteger(opts.persons) || opts.persons < 0) throw new RangeError('persons must be a whole number');
  const db = deps.database.db;
  const now = deps.clock.now();
  const result: SeedResult = { skipped: false, offices: 0, personas: 0, establishments: 0, persons: 0, accounts: 0, firstIndex: null };

  // A cheap look first, so that an ordinary restart does not pay for a password hash.
  if (opts.firstStartOnly && (await firstStartDone(db))) return { ...result, skipped: true };

  // One hash for every seeded account: argon2id is slow on purpose, and these accounts all
  // share the documented sandbox password.
  const passwordHash = await deps.passwords.hash(SANDBOX_PASSWORD);
  const firstStartPersons = opts.firstStartOnly ? opts.persons : 0;
  const chunkSize = opts.chunkSize ?? 50_000;

  const base = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await firstStartDone(tx)) return null;
    const state = await ensurePopulationState(tx, { seed: deps.config.sandboxSeed, asOf: isoDay(now), now });
    await tx.insert(offices).values([...SANDBOX_OFFICES]).onConflictDoNothing();
    const personas = await insertPersonas(tx, state, passwordHash, await latestTermsVersion(tx), now);
    let firstIndex: number | null = null;
    if (firstStartPersons > 0) {
      const { first } = await reserveIndices(tx, 'seeded', firstStartPersons, now);
      const ctx = bulkContext(state);
      for (let from = first; from < first + firstStartPersons; from += chunkSize) {
        const to = Math.min(first + firstStartPersons, from + chunkSize);
        await tx.execute(sql.raw(insertPersonsSql(ctx, from, to)));
        await tx.execute(sql.raw(insertFamilyLinksSql(ctx, from, to)));
        await tx.execute(sql.raw(insertEstablishmentsSql(ctx, from, to)));
      }
      firstIndex = first;
    }
    const establishmentCount = await countEstablishments(tx);
    await recordFirstStart(tx, { at: now.toISOString(), offices: SANDBOX_OFFICES.length, ...personas, persons: firstStartPersons, establishments: establishmentCount }, now);
    return { personas, firstIndex, establishments: establishmentCount };
  });
  if (base) {
    result.offices = SANDBOX_OFFICES.length;
    result.personas = base.personas.persons;
    result.establishments = base.establishments;
    result.accounts += base.personas.accounts;
    result.persons = firstStartPersons;
    result.firstIndex = base.firstIndex;
  } else if (opts.firstStartOnly) {
    return { ...result, skipped: true };
  }
  if (opts.firstStartOnly || opts.persons === 0) return result;

  const establishmentsBefore = await countEstablishments(db);
  const added = await addPersonsWithAccounts(deps, opts.persons, passwordHash, chunkSize);
  result.establishments += (await countEstablishments(db)) - establishmentsBefore;
  result.persons += opts.persons;
  result.accounts += opts.persons;
  result.firstIndex ??= added.first;
  return result;
}

async function addPersonsWithAccounts(deps: Deps, count: number, passwordHash: string, chunkSize: number): Promise<{ first: number }> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const { first, state } = await db.transaction((tx) => reserveIndices(tx, 'seeded', count, now));
  const ctx = bulkContext(state);
  const accountOptions: AccountOptions = {
    passwordHash,
    termsVersion: await latestTermsVersion(db),
    officeIds: SANDBOX_OFFICES.map((o) => o.id),
    atmClientIds: SANDBOX_CHANNEL_CLIENTS.filter((c) => c.kind === 'atm').map((c) => c.id),
    kioskClientId: SANDBOX_CHANNEL_CLIENTS.find((c) => c.kind === 'kiosk')!.id,
    accountIdPrefix: accountIdPrefix(state.seed),
  };
  const chunks: Array<[number, number]> = [];
  for (let from = first; from < first + count; from += chunkSize) chunks.push([from, Math.min(first + count, from + chunkSize)]);

  const run = async (statement: string): Promise<void> => {
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(statement));
    });
  };
  const insertPersons = ([from, to]: [number, number]) => run(insertPersonsSql(ctx, from, to));
  const insertLinksAndAccounts = async ([from, to]: [number, number], personsCommitted: Promise<void>) => {
    await run(insertFamilyLinksSql(ctx, from, to));
    // An account is read from its registry row, so it waits for the chunk's persons.
    await personsCommitted;
    await run(insertAccountsSql(ctx, from, to, accountOptions));
    // The establishments the chunk's workers refer to, owned by citizens already in the registry.
    await run(insertEstablishmentsSql(ctx, from, to));
    deps.logger.debug({ from, to }, 'sandbox persons and accounts seeded');
  };

  if (deps.database.engine !== 'postgres') {
    // The embedded database has one connection: there two writers would only take turns.
    for (const chunk of chunks) {
      await insertPersons(chunk);
      await insertLinksAndAccounts(chunk, Promise.resolve());
    }
    return { first };
  }
  // A pipeline: the links and accounts of chunk k are written while the persons of chunk
  // k+1 are.
  const personsDone: Array<Promise<void>> = [];
  let previous: Promise<void> = Promise.resolve();
  for (const chunk of chunks) {
    previous = previous.then(() => insertPersons(chunk));
    personsDone.push(previous);
  }
  const restDone = (async () => {
    for (const [k, chunk] of chunks.entries()) await insertLinksAndAccounts(chunk, personsDone[k]!);
  })();
  const settled = await Promise.allSettled([...personsDone, restDone]);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return { first };
}

async function countEstablishments(ex: Executor): Promise<number> {
  const [row] = await ex.select({ n: sql<number>`count(*)` }).from(sandboxEstablishments);
  return Number(row?.n ?? 0);
}

async function latestTermsVersion(tx: Executor): Promise<number> {
  const [row] = await tx.select({ version: sql<number | null>`max(${termsVersions.version})` }).from(termsVersions);
  return Number(row?.version ?? 1);
}

function bulkContext(state: PopulationState): BulkContext {
  return { constants: populationConstants(state.seed), asOf: state.asOf };
}

/** The seeded accounts' ids: 20 hex digits from the seed (a version-8 UUID), then the index. */
export function accountIdPrefix(seed: number): string {
  const h = createHash('sha512').update(`${seed}:accounts`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(12, 15)}-8${h.slice(15, 18)}-`;
}

async function insertPersonas(
  tx: Executor,
  state: PopulationState,
  passwordHash: string,
  termsVersion: number,
  now: Date,
): Promise<{ persons: number; accounts: number }> {
  let persons = 0;
  let created = 0;
  const idOf = new Map<string, string>();
  for (const persona of PERSONAS) {
    persons += await insertRegistryPerson(tx, persona.person, state.asOf);
    if (!persona.account) continue;
    const a = persona.account;
    const [row] = await tx
      .insert(accounts)
      .values({
        id: newId(),
        idNumber: persona.person.idNumber,
        username: a.username,
        email: null,
        mobile: persona.person.mobile,
        language: a.language,
        status: a.status,
        passwordHash,
        termsVersion,
        createdAt: now,
        activationChannel: a.activation?.channel ?? null,
        activationLocation: a.activation?.location ?? null,
        activatedAt: a.activation ? now : null,
      })
      .onConflictDoNothing()
      .returning({ id: accounts.id });
    if (row) created++;
    const accountId =
      row?.id ??
      (await tx.select({ id: accounts.id }).from(accounts).where(sql`${accounts.idNumber} = ${persona.person.idNumber}`))[0]?.id;
    if (accountId) idOf.set(persona.key, accountId);
  }
  for (const persona of PERSONAS) {
    const accountId = idOf.get(persona.key);
    if (!persona.staffRole || !accountId) continue;
    await tx
      .insert(staffRoles)
      .values({ accountId, role: persona.staffRole.role, officeId: persona.staffRole.officeId, grantedAt: now })
      .onConflictDoNothing();
  }
  for (const relative of PERSONA_RELATIVES) {
    persons += await insertRegistryPerson(tx, relative.person, state.asOf);
    if (!relative.relation) continue;
    const head = PERSONAS.find((p) => p.key === relative.of)!.person.idNumber;
    await tx
      .insert(registryFamilyLinks)
      .values({ headIdNumber: head, memberIdNumber: relative.person.idNumber, relation: relative.relation })
      .onConflictDoNothing();
  }
  persons += await insertPersonaEstablishments(tx, state.asOf, idOf, now);
  return { persons, accounts: created };
}

/**
 * The personas' establishments in the labour ministry's sandbox (opened on Absher when the
 * persona says so), their listed and generated workers, and the health ministry's record of
 * the newly arrived one. Workers go in one statement per 500.
 */
async function insertPersonaEstablishments(tx: Executor, asOf: string, accountIdOf: Map<string, string>, now: Date): Promise<number> {
  for (const e of PERSONA_ESTABLISHMENTS) {
    const owner = PERSONAS.find((p) => p.key === e.owner)!;
    await tx
      .insert(sandboxEstablishments)
      .values({ id: e.id, crNumber: e.crNumber, labourFile: e.labourFile, nameAr: e.name.ar, nameEn: e.name.en, region: e.region, city: e.city, ownerIdNumber: owner.person.idNumber })
      .onConflictDoNothing();
    const ownerAccountId = accountIdOf.get(e.owner);
    if (e.opened && ownerAccountId) {
      await tx.insert(establishments).values({ id: e.id, ownerAccountId, nameAr: e.name.ar, nameEn: e.name.en, region: e.region, openedAt: now }).onConflictDoNothing();
    }
  }
  const workers = [...PERSONA_WORKERS.map((w) => w.person), ...generatedPersonaWorkers()];
  let inserted = 0;
  for (let i = 0; i < workers.length; i += 500) {
    const rows = await tx
      .insert(registryPersons)
      .values(workers.slice(i, i + 500).map((p) => registryRow(p, asOf)))
      .onConflictDoNothing()
      .returning({ idNumber: registryPersons.idNumber });
    inserted += rows.length;
  }
  for (const w of PERSONA_WORKERS) {
    if (!w.medical) continue;
    await tx
      .insert(sandboxMedical)
      .values({ idNumber: w.person.idNumber, examResult: w.medical.result, examinedOn: addDays(asOf, w.medical.examinedInDays), insuredUntil: addDays(asOf, w.medical.insuredForDays) })
      .onConflictDoNothing();
  }
  return inserted;
}

async function insertRegistryPerson(tx: Executor, p: PersonaPerson, asOf: string): Promise<number> {
  const rows = await tx.insert(registryPersons).values(registryRow(p, asOf)).onConflictDoNothing().returning({ idNumber: registryPersons.idNumber });
  return rows.length;
}

function registryRow(p: PersonaPerson, asOf: string): typeof registryPersons.$inferInsert {
  const fingerprints = personaFingerprints(p.idNumber);
  const expiresOn = p.passport ? addDays(asOf, p.passport.expiresInDays) : null;
  return {
    idNumber: p.idNumber,
    kind: p.kind,
    nameAr: p.name.ar,
    nameEn: p.name.en,
    gender: p.gender,
    birthDate: p.birthDate,
    nationality: p.nationality,
    mobile: p.mobile,
    fingerprintRight: fingerprints.right,
    fingerprintLeft: fingerprints.left,
    passportNumber: p.passport ? personaPassportNumber(p) : null,
    passportIssuedOn: p.passport && expiresOn ? addDays(expiresOn, 1 - (p.passport.years === 10 ? 3652 : 1826)) : null,
    passportExpiresOn: expiresOn,
    iqamaExpiresOn: p.iqamaExpiresInDays === null ? null : addDays(asOf, p.iqamaExpiresInDays),
    sponsorKind: p.sponsor?.kind ?? null,
    sponsorId: p.sponsor?.id ?? null,
    profession: p.profession,
    maritalStatus: p.maritalStatus,
    arrivedOn: p.arrivedInDays === undefined ? null : addDays(asOf, p.arrivedInDays),
  };
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
