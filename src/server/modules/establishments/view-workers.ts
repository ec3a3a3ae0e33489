// The workers view: every worker of an establishment with their iqama and passport, warnings
// and open requests, filtered, sorted and paged; and the same rows as a CSV file. Every page
// shown (and every chunk exported) is written to the audit log before it leaves, one row per
// worker in one statement: workers see in their access log that their employer looked.
import type { Deps } from '../../deps';
import type { EstablishmentWorker, WorkersQuery } from '../../adapters/population-registry/port';
import type { AuditChannel } from '../../platform/audit';
import { addDays, type IsoDate } from '../../../domain/calendar';
import { kingdomToday } from '../../services/engine/requests';
import type { Text } from '../../services/definition';
import { standingAt, type Standing } from './access';
import { professionLabels } from './professions';
import { openRequestsOf, recordWorkerViews, type RequestRow } from './repository';
import type { WorkersCsvQueryInput, WorkersQueryInput } from './schemas';

type ViewDeps = Pick<Deps, 'database' | 'clock' | 'registry' | 'labour'>;
type Meta = { requestId: string; channel: AuditChannel };

export type WorkerEntry = { person: EstablishmentWorker; open: RequestRow[]; professionName: Text | null };
export type WorkersPage = { today: IsoDate; total: number; page: number; pageSize: number; workers: WorkerEntry[] };

/** The rows of the export are read this many at a time. */
export const EXPORT_CHUNK = 1000;

function registryQuery(today: IsoDate, q: Omit<WorkersCsvQueryInput, 'lang'>, offset: number, limit: number): WorkersQuery {
  return {
    search: q.search,
    nationality: q.nationality,
    profession: q.profession,
    expiringBy: q.expiring ? addDays(today, Number(q.expiring)) : undefined,
    sort: q.sort,
    order: q.order,
    offset,
    limit,
  };
}

async function gather(deps: ViewDeps, standing: Standing, persons: EstablishmentWorker[], action: string, viewer: string, meta: Meta): Promise<WorkerEntry[]> {
  const now = deps.clock.now();
  const ids = persons.map((p) => p.idNumber);
  // The view is recorded while the page's other reads run: all of it before anything leaves.
  const [open, labels] = await Promise.all([
    openRequestsOf(deps.database.db, ids),
    professionLabels(deps.labour, now.getTime()),
    recordWorkerViews(deps.database.db, {
    at: now,
    action,
    actorAccountId: viewer,
    onBehalfOf: standing.role === 'staff' ? standing.owner.accountId : null,
    channel: meta.channel === 'web' ? 'web' : 'api',
    requestId: meta.requestId,
    establishmentId: standing.establishment.id,
    idNumbers: ids,
    }),
  ]);
  return persons.map((person) => ({
    person,
    open: open.get(person.idNumber) ?? [],
    professionName: person.profession ? (labels.get(person.profession) ?? null) : null,
  }));
}

export async function viewWorkers(deps: ViewDeps, viewer: { accountId: string }, establishmentId: string, q: WorkersQueryInput, meta: Meta): Promise<WorkersPage> {
  const standing = await standingAt(deps, viewer.accountId, establishmentId);
  const today = kingdomToday(deps.clock.now());
  const found = await deps.registry.establishmentWorkers(establishmentId, registryQuery(today, q, (q.page - 1) * q.pageSize, q.pageSize));
  const workers = await gather(deps, standing, found.persons, 'establishment.workers_viewed', viewer.accountId, meta);
  return { today, total: found.total, page: q.page, pageSize: q.pageSize, workers };
}

/**
 * Checks access, then gives the matching workers chunk by chunk (for a streamed file). Access
 * is checked before the first byte, so a refusal is an ordinary error answer.
 */
export async function exportWorkers(deps: ViewDeps, viewer: { accountId: string }, establishmentId: string, q: WorkersCsvQueryInput, meta: Meta) {
  const standing = await standingAt(deps, viewer.accountId, establishmentId);
  const today = kingdomToday(deps.clock.now());
  async function* chunks(): AsyncGenerator<WorkerEntry[]> {
    // The registry's order is total (ties broken by identity number), so consecutive offsets
    // neither skip nor repeat a row while nothing changes.
    for (let offset = 0; ; offset += EXPORT_CHUNK) {
      const found = await deps.registry.establishmentWorkers(establishmentId, registryQuery(today, q, offset, EXPORT_CHUNK));
      if (found.persons.length > 0) yield await gather(deps, standing, found.persons, 'establishment.workers_exported', viewer.accountId, meta);
      if (found.persons.length < EXPORT_CHUNK) return;
    }
  }
  return { today, standing, chunks: chunks() };
}
