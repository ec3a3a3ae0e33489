// What leaves about establishments, their staff, workers and requests: the fields listed here,
// nothing else. A worker's mobile, birth date, fingerprints and family never leave.
import type { z } from 'zod';
import { datePair, type IsoDate } from '../../../domain/calendar';
import { nationalityName } from '../../../domain/nationalities';
import { serviceName, ESTABLISHMENT_SERVICES } from '../delegations/establishment-scope';
import type { Names } from '../delegations/names';
import { presentGiven } from '../delegations/presenter';
import type { DelegationRow, PartyRow } from '../delegations/repository';
import type { Establishment } from '../../adapters/labour/port';
import type { Standing } from './access';
import type { Listed } from './list-establishments';
import type { BillRow, RequestRow } from './repository';
import { daysLeft, WARNINGS, warningsOf } from './rules';
import type { establishmentDetails, establishmentList, establishmentRequestView, workerNationalities, workerView, workersPage } from './schemas';
import type { WorkerEntry, WorkersPage } from './view-workers';

const named = (codes: readonly string[]) => codes.map((code) => ({ code, name: serviceName(code) }));

export function presentList(listed: Listed[]): z.infer<typeof establishmentList> {
  return {
    establishments: listed.map((l) =>
      l.role === 'owner'
        ? {
            id: l.labour.id,
            name: l.labour.name,
            region: l.labour.region,
            role: 'owner' as const,
            opened: l.opened !== null,
            openedAt: l.opened?.openedAt.toISOString() ?? null,
            services: named(ESTABLISHMENT_SERVICES),
            staffUntil: null,
          }
        : {
            id: l.opened.id,
            name: { ar: l.opened.nameAr, en: l.opened.nameEn },
            region: l.opened.region,
            role: 'staff' as const,
            opened: true,
            openedAt: l.opened.openedAt.toISOString(),
            services: named(l.services),
            staffUntil: l.endsAt.toISOString(),
          },
    ),
  };
}

export function presentDetails(d: { standing: Standing; labour: Establishment; paperAllowed: boolean }): z.infer<typeof establishmentDetails> {
  return {
    id: d.labour.id,
    crNumber: d.labour.crNumber,
    labourFile: d.labour.labourFile,
    name: d.labour.name,
    region: d.labour.region,
    city: d.labour.city,
    workerCount: d.labour.workerCount,
    openedAt: d.standing.establishment.openedAt.toISOString(),
    role: d.standing.role,
    services: named(d.standing.services ?? ESTABLISHMENT_SERVICES),
    paperAllowed: d.paperAllowed,
  };
}

export function presentStaff(d: DelegationRow, party: PartyRow, names: Map<string, Names | null>, now: Date) {
  return presentGiven(d, party, names, now);
}

function expiry(today: IsoDate, expiresOn: IsoDate) {
  return { expiresOn: datePair(expiresOn), daysLeft: daysLeft(today, expiresOn) };
}

export function presentWorker(today: IsoDate, w: WorkerEntry): z.infer<typeof workerView> {
  const p = w.person;
  return {
    idNumber: p.idNumber,
    iqamaNumber: p.iqama?.number ?? null,
    name: p.name,
    nationality: p.nationality,
    profession: p.profession ? { code: p.profession, name: w.professionName } : null,
    passport: p.passport ? { number: p.passport.number, ...expiry(today, p.passport.expiresOn) } : null,
    iqama: p.iqama ? expiry(today, p.iqama.expiresOn) : null,
    warnings: warningsOf(today, { iqamaExpiresOn: p.iqama?.expiresOn ?? null, passportExpiresOn: p.passport?.expiresOn ?? null }).map((code) => ({
      code,
      message: WARNINGS[code],
    })),
    openRequests: {
      count: w.open.length,
      requests: w.open.map((r) => ({ id: r.id, number: r.number, service: r.service, serviceName: serviceName(r.service), status: r.status })),
    },
  };
}

export function presentWorkersPage(page: WorkersPage): z.infer<typeof workersPage> {
  return {
    today: datePair(page.today),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
    pages: Math.ceil(page.total / page.pageSize),
    workers: page.workers.map((w) => presentWorker(page.today, w)),
  };
}

export function presentNationalities(counts: Array<{ code: string; count: number }>): z.infer<typeof workerNationalities> {
  return { nationalities: counts.map((c) => ({ code: c.code, name: nationalityName(c.code), count: c.count })) };
}

export function presentEstablishmentRequest(r: RequestRow, bills: BillRow[], establishmentId: string): z.infer<typeof establishmentRequestView> {
  return {
    id: r.id,
    number: r.number,
    service: r.service,
    serviceName: serviceName(r.service),
    status: r.status,
    beneficiaryIdNumber: r.beneficiaryIdNumber,
    role: r.establishmentId === establishmentId ? 'applicant' : 'releasing',
    byStaff: r.establishmentId === establishmentId && r.delegationId !== null,
    feeHalalas: r.feeHalalas,
    bills: bills.filter((b) => b.requestId === r.id).map((b) => ({ billNumber: b.billNumber, amountHalalas: b.amountHalalas, status: b.status, expiresAt: b.expiresAt.toISOString() })),
    createdAt: r.createdAt.toISOString(),
    createdOn: datePair(r.createdAt.toISOString().slice(0, 10)),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}
