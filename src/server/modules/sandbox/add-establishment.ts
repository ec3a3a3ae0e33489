// Adds an establishment to the labour ministry's sandbox with N synthetic workers
// (POST /sandbox/establishments), owned by a citizen of the registry or by a new one. The
// establishment's number and its people come from the API range of the population, so they
// never meet a seeded one; everything is written in one transaction.
import type { Deps } from '../../deps';
import { registryPersons, sandboxEstablishments } from '../../db/schema';
import { AppError } from '../../errors';
import { BULK_LIMIT, generateStandalonePerson, type SyntheticPerson } from '../../../domain/synthetic/population';
import { ESTABLISHMENT_PLACES } from './bulk-sql';
import { ensurePopulationState, reserveIndices } from './population-state';
import { findPersonRow, insertPerson, personRow, type PersonRow } from './repository';
import type { AddEstablishmentInput } from './schemas';

/** Unified numbers of the establishments added through the API: 71... and the reserved index. */
const API_ESTABLISHMENT_BASE = 7_100_000_000;
const BATCH = 1000;

export async function addSandboxEstablishment(deps: Pick<Deps, 'database' | 'clock' | 'config'>, input: AddEstablishmentInput) {
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const region = input.region ?? 'riyadh';
  const city = ESTABLISHMENT_PLACES.find(([r]) => r === region)?.[1] ?? 'Riyadh';
  return deps.database.db.transaction(async (tx) => {
    let owner: PersonRow | null = null;
    if (input.ownerIdNumber) {
      owner = await findPersonRow(tx, input.ownerIdNumber);
      if (!owner) throw new AppError('sponsor_not_found', { ownerIdNumber: input.ownerIdNumber });
      if (owner.kind !== 'citizen') throw new AppError('invalid_input', { issues: [{ field: 'ownerIdNumber', problem: 'an establishment’s owner is a Saudi citizen' }] });
    }
    const state = await ensurePopulationState(tx, { seed: deps.config.sandboxSeed, asOf: today, now });
    // One index names the establishment (and its new owner, when one is drawn); one per worker.
    const { first } = await reserveIndices(tx, 'api', input.workers + 1, now);
    const id = String(API_ESTABLISHMENT_BASE + (first - BULK_LIMIT));
    owner ??= await insertPerson(tx, generateStandalonePerson(state.seed, first, today, { kind: 'citizen' }));
    const serial = first - BULK_LIMIT;
    const name = { ar: `مؤسسة الاختبار ${serial} للمقاولات`, en: `Sandbox Contracting Est. ${serial}` };
    await tx.insert(sandboxEstablishments).values({
      id,
      crNumber: `10${String(serial).padStart(8, '0')}`,
      labourFile: `9-${String(serial).padStart(6, '0')}`,
      nameAr: name.ar,
      nameEn: name.en,
      region,
      city,
      ownerIdNumber: owner.idNumber,
    });
    for (let from = 1; from <= input.workers; from += BATCH) {
      const batch: SyntheticPerson[] = [];
      for (let i = from; i < Math.min(from + BATCH, input.workers + 1); i++) {
        batch.push(generateStandalonePerson(state.seed, first + i, today, { kind: 'resident', sponsor: { kind: 'establishment', id } }));
      }
      await tx.insert(registryPersons).values(batch.map(personRow));
    }
    return {
      id,
      crNumber: `10${String(serial).padStart(8, '0')}`,
      labourFile: `9-${String(serial).padStart(6, '0')}`,
      name,
      region,
      city,
      workerCount: input.workers,
      owner: { idNumber: owner.idNumber, birthDate: owner.birthDate, mobile: owner.mobile },
    };
  });
}
