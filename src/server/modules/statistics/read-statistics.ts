// The directorate's statistics over a range of kingdom days: registered users, activations by
// channel, e-transactions by service, office visits, the share of transactions done without a
// visit, and the time from submission to issue. The database counts (repository.ts); this
// file only sums the small grouped rows into days, offices and regions.
//
// Definitions (also in the OpenAPI description of GET /statistics):
// - an e-transaction is a request issued that day (service_requests.status = 'issued', by decided_at);
// - an office visit is an activation at an office, an iqama card handed over, or a paper transaction;
// - the share without a visit is e-transactions ÷ (e-transactions + paper transactions): of the
//   transactions completed, those the directorate completed without anyone coming in. A card
//   pickup is the one visit left after an online iqama issue or renewal: it is counted as a
//   visit, but it is not a transaction of its own, so it is not in the share;
// - a region: offices carry one; an e-transaction has the region of the establishment it was made
//   for (as opened on the platform); requests of individuals have none and are shown as
//   unattributed (region null), as are registrations and ATM and kiosk activations, which
//   are not counted when the figures are narrowed to a region or an office.
import type { Deps } from '../../deps';
import { offices } from '../../db/schema';
import { AppError } from '../../errors';
import type { IsoDate } from '../../../domain/calendar';
import { dayRange, type DayRange } from './range';
import {
  activationsPerDay,
  handOversPerDay,
  issuedPerDay,
  paperPerDay,
  processingTimes,
  registeredPerDay,
  type ProcessingTime,
} from './repository';

export type Visits = { activations: number; cardHandovers: number; paperTransactions: number; total: number };
export type ByService = { total: number; byService: Record<string, number> };

export type Figures = {
  /** null when narrowed to a region or an office (an account has neither). */
  registeredUsers: number | null;
  /** atm and kiosk (and so total) null when narrowed to a region or an office. */
  activations: { office: number; atm: number | null; kiosk: number | null; total: number | null };
  /** null when narrowed to an office (e-transactions are not done at one). */
  eTransactions: ByService | null;
  paperTransactions: ByService;
  officeVisits: Visits;
  shareWithoutVisit: number | null;
};

export type OfficeRow = typeof offices.$inferSelect;

export type OfficeFigures = { office: OfficeRow; visits: Visits; days: Array<{ date: IsoDate } & Visits> };
export type RegionFigures = {
  region: string | null;
  eTransactions: number;
  officeVisits: Visits;
  shareWithoutVisit: number | null;
  days: Array<{ date: IsoDate; eTransactions: number; officeVisits: Visits; shareWithoutVisit: number | null }>;
};

export type Statistics = {
  range: DayRange;
  region: string | null;
  officeId: string | null;
  totals: Figures;
  days: Array<{ date: IsoDate } & Figures>;
  offices: OfficeFigures[];
  regions: RegionFigures[];
  processingTimes: ProcessingTime[] | null;
};

export type StatisticsQuery = { from: IsoDate; to: IsoDate; region: string | null; officeId: string | null };

const emptyVisits = (): Visits => ({ activations: 0, cardHandovers: 0, paperTransactions: 0, total: 0 });

function addVisit(v: Visits, kind: 'activations' | 'cardHandovers' | 'paperTransactions', n: number) {
  v[kind] += n;
  v.total += n;
}

function addService(s: ByService, service: string, n: number) {
  s.byService[service] = (s.byService[service] ?? 0) + n;
  s.total += n;
}

export function shareWithoutVisit(eTransactions: number, paperTransactions: number): number | null {
  const all = eTransactions + paperTransactions;
  return all === 0 ? null : Math.round((eTransactions / all) * 10_000) / 10_000;
}

export async function readStatistics(deps: Pick<Deps, 'database'>, query: StatisticsQuery): Promise<Statistics> {
  const range = dayRange(query.from, query.to);
  const db = deps.database.db;
  const allOffices = await db.select().from(offices).orderBy(offices.id);
  if (query.officeId && !allOffices.some((o) => o.id === query.officeId)) throw new AppError('statistics_office_not_found');

  const national = query.region === null && query.officeId === null;
  const byOffice = query.officeId !== null;
  const inScope = allOffices.filter((o) => (query.region === null || o.region === query.region) && (query.officeId === null || o.id === query.officeId));
  const officeById = new Map(allOffices.map((o) => [o.id, o]));
  const scoped = new Set(inScope.map((o) => o.id));

  // One query after the other: on the embedded database a connection serves one at a time anyway.
  const registered = national ? await registeredPerDay(db, range) : [];
  const activations = await activationsPerDay(db, range);
  const issued = byOffice ? [] : await issuedPerDay(db, range);
  const handOvers = await handOversPerDay(db, range);
  const paper = await paperPerDay(db, range);
  const times = byOffice ? null : await processingTimes(db, range, query.region);

  const newFigures = (): Figures => ({
    registeredUsers: national ? 0 : null,
    activations: { office: 0, atm: national ? 0 : null, kiosk: national ? 0 : null, total: national ? 0 : null },
    eTransactions: byOffice ? null : { total: 0, byService: {} },
    paperTransactions: { total: 0, byService: {} },
    officeVisits: emptyVisits(),
    shareWithoutVisit: null,
  });
  const totals = newFigures();
  const days = new Map(range.days.map((d) => [d, { date: d, ...newFigures() }]));
  const dayOf = (d: string) => days.get(d);

  const officeFigures = new Map<string, OfficeFigures>(inScope.map((o) => [o.id, { office: o, visits: emptyVisits(), days: [] }]));
  const officeDay = (officeId: string, date: string) => {
    const f = officeFigures.get(officeId)!;
    let d = f.days.find((x) => x.date === date);
    if (!d) f.days.push((d = { date, ...emptyVisits() }));
    return d;
  };
  const regionFigures = new Map<string | null, RegionFigures>();
  const regionOf = (region: string | null) => {
    let r = regionFigures.get(region);
    if (!r) regionFigures.set(region, (r = { region, eTransactions: 0, officeVisits: emptyVisits(), shareWithoutVisit: null, days: [] }));
    return r;
  };
  const regionDay = (region: string | null, date: string) => {
    const r = regionOf(region);
    let d = r.days.find((x) => x.date === date);
    if (!d) r.days.push((d = { date, eTransactions: 0, officeVisits: emptyVisits(), shareWithoutVisit: null }));
    return d;
  };
  if (!byOffice) for (const o of inScope) regionOf(o.region);

  /** A visit at an office: counted in the day, the office and its region when the office is in scope. */
  const visit = (kind: 'activations' | 'cardHandovers' | 'paperTransactions', day: string, officeId: string, n: number): boolean => {
    if (!scoped.has(officeId)) return false;
    const office = officeById.get(officeId)!;
    for (const v of [totals.officeVisits, dayOf(day)!.officeVisits, officeFigures.get(officeId)!.visits, officeDay(officeId, day)]) addVisit(v, kind, n);
    if (!byOffice) {
      addVisit(regionOf(office.region).officeVisits, kind, n);
      addVisit(regionDay(office.region, day).officeVisits, kind, n);
    }
    return true;
  };

  for (const r of registered) {
    totals.registeredUsers! += r.n;
    dayOf(r.day)!.registeredUsers! += r.n;
  }
  for (const a of activations) {
    const day = dayOf(a.day)!;
    if (a.channel === 'office') {
      // An office activation outside the scope is not counted; nationally, one at a location no
      // longer listed as an office still is (in the totals, not under an office).
      const counted = a.location !== null && visit('activations', a.day, a.location, a.n);
      if (counted || national) {
        totals.activations.office += a.n;
        day.activations.office += a.n;
      }
    } else if (national) {
      totals.activations[a.channel]! += a.n;
      day.activations[a.channel]! += a.n;
    }
    if (national) {
      totals.activations.total! += a.n;
      day.activations.total! += a.n;
    }
  }
  for (const i of issued) {
    if (query.region !== null && i.region !== query.region) continue;
    addService(totals.eTransactions!, i.service, i.n);
    addService(dayOf(i.day)!.eTransactions!, i.service, i.n);
    regionOf(i.region).eTransactions += i.n;
    regionDay(i.region, i.day).eTransactions += i.n;
  }
  for (const h of handOvers) visit('cardHandovers', h.day, h.officeId, h.n);
  for (const p of paper) {
    if (!visit('paperTransactions', p.day, p.officeId, p.n)) continue;
    addService(totals.paperTransactions, p.service, p.n);
    addService(dayOf(p.day)!.paperTransactions, p.service, p.n);
  }

  const share = (f: { eTransactions: ByService | null; paperTransactions: ByService }) =>
    f.eTransactions === null ? null : shareWithoutVisit(f.eTransactions.total, f.paperTransactions.total);
  totals.shareWithoutVisit = share(totals);
  for (const d of days.values()) d.shareWithoutVisit = share(d);
  for (const r of regionFigures.values()) {
    r.shareWithoutVisit = shareWithoutVisit(r.eTransactions, r.officeVisits.paperTransactions);
    for (const d of r.days) d.shareWithoutVisit = shareWithoutVisit(d.eTransactions, d.officeVisits.paperTransactions);
    r.days.sort((a, b) => a.date.localeCompare(b.date));
  }
  for (const o of officeFigures.values()) o.days.sort((a, b) => a.date.localeCompare(b.date));

  return {
    range,
    region: query.region,
    officeId: query.officeId,
    totals,
    days: [...days.values()],
    offices: [...officeFigures.values()],
    // Regions by name, the unattributed last.
    regions: [...regionFigures.values()].sort((a, b) => (a.region === null ? 1 : b.region === null ? -1 : a.region.localeCompare(b.region))),
    processingTimes: times,
  };
}

