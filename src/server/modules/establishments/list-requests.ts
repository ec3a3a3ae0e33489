// The establishment's requests, newest first: those it made (by its owner or staff) and the
// transfers of services awaiting its release, or only one of the two. Staff see the services
// they are authorized for.
import type { Deps } from '../../deps';
import { standingAt } from './access';
import { billsFor, establishmentRequests } from './repository';
import type { RequestRole } from './schemas';

export async function listEstablishmentRequests(
  deps: Pick<Deps, 'database' | 'clock'>,
  accountId: string,
  establishmentId: string,
  page: { page: number; pageSize: number; role?: RequestRole | undefined },
) {
  const standing = await standingAt(deps, accountId, establishmentId);
  const db = deps.database.db;
  const { rows, total } = await establishmentRequests(db, establishmentId, standing.services, { offset: (page.page - 1) * page.pageSize, limit: page.pageSize }, page.role);
  const bills = await billsFor(
    db,
    rows.map((r) => r.id),
  );
  return { rows, bills, total };
}
