// The caller's standing at an establishment, for the establishments' pages: the owner, or staff
// with an authorization in force (any service, unless one is named). To anyone else the
// establishment does not exist; staff may not manage staff.
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { getEstablishmentAccess, type EstablishmentAccess } from '../../services/engine/establishment-access';

export type Standing = EstablishmentAccess & { role: 'owner' | 'staff' };

export async function standingAt(deps: Pick<Deps, 'database' | 'clock'>, accountId: string, establishmentId: string, service?: string): Promise<Standing> {
  const access = await getEstablishmentAccess(deps.database.db, deps.clock.now(), accountId, establishmentId, service);
  return { ...access, role: access.services === null ? 'owner' : 'staff' };
}

export async function ownerOf(deps: Pick<Deps, 'database' | 'clock'>, accountId: string, establishmentId: string): Promise<Standing> {
  const standing = await standingAt(deps, accountId, establishmentId);
  if (standing.role !== 'owner') throw new AppError('establishment_owner_only');
  return standing;
}
