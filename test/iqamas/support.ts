// Helpers for the iqama services' tests: residents ready for a first iqama, an application's
// body, and reading back what a fulfilment produced.
import { eq } from 'drizzle-orm';
import { documents, iqamaCards, serviceRequests } from '../../src/server/db/schema';
import type { TestContext } from '../helpers/app';
import { addWorkers, setMedicalRecord, type BuiltEstablishment } from '../helpers/establishments';
import type { PersonRow } from '../helpers/factories';
import { kingdomDayFromToday } from '../helpers/services';

/** A worker of the establishment who arrived recently and has no iqama yet, examined fit and insured for a year. */
export async function newcomer(t: TestContext, est: Pick<BuiltEstablishment, 'id'>, overrides: Partial<PersonRow> = {}) {
  const db = t.deps.database.db;
  const [w] = await addWorkers(db, est.id, 1, { iqamaExpiresOn: null, arrivedOn: kingdomDayFromToday(t, -20), ...overrides });
  await setMedicalRecord(db, w!.idNumber, { examResult: 'fit', examinedOn: kingdomDayFromToday(t, -10), insuredUntil: kingdomDayFromToday(t, 365) });
  return w!;
}

/** A worker of the establishment whose iqama expires on the given day. */
export async function workerExpiring(t: TestContext, est: Pick<BuiltEstablishment, 'id'>, iqamaExpiresOn: string, overrides: Partial<PersonRow> = {}) {
  const [w] = await addWorkers(t.deps.database.db, est.id, 1, { iqamaExpiresOn, ...overrides });
  return w!;
}

export function application(beneficiary: { idNumber: string }, officeId: string, opts: { establishmentId?: string; quarters?: number } = {}) {
  return {
    beneficiaryIdNumber: beneficiary.idNumber,
    ...(opts.establishmentId ? { establishmentId: opts.establishmentId } : {}),
    input: { quarters: opts.quarters ?? 4, pickupOfficeId: officeId },
  };
}

export async function producedFor(t: TestContext, requestId: string) {
  const db = t.deps.database.db;
  const [doc] = await db.select().from(documents).where(eq(documents.requestId, requestId));
  const [card] = await db.select().from(iqamaCards).where(eq(iqamaCards.requestId, requestId));
  return { doc, card };
}

export async function requestsFor(t: TestContext, idNumber: string) {
  return t.deps.database.db.select().from(serviceRequests).where(eq(serviceRequests.beneficiaryIdNumber, idNumber));
}
