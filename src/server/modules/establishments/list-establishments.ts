// The establishments a user may act for: those the labour ministry records them as owning
// (opened on the platform or not yet), and those whose staff authorizations they hold.
import type { Deps } from '../../deps';
import type { Establishment } from '../../adapters/labour/port';
import { openedAmong, staffEstablishments, type EstablishmentRow } from './repository';

export type Listed =
  | { role: 'owner'; labour: Establishment; opened: EstablishmentRow | null }
  | { role: 'staff'; opened: EstablishmentRow; services: string[]; endsAt: Date };

export async function listEstablishments(deps: Pick<Deps, 'database' | 'clock' | 'labour'>, user: { accountId: string; idNumber: string }): Promise<Listed[]> {
  const db = deps.database.db;
  const [owned, staff] = await Promise.all([deps.labour.establishmentsOwnedBy(user.idNumber), staffEstablishments(db, user.accountId, deps.clock.now())]);
  const opened = await openedAmong(
    db,
    owned.map((e) => e.id),
  );
  const out: Listed[] = owned.map((labour) => {
    const row = opened.get(labour.id) ?? null;
    // Opened by someone else who owned it before: to this owner it is not open yet.
    return { role: 'owner', labour, opened: row && row.ownerAccountId === user.accountId ? row : null };
  });
  const ownedIds = new Set(owned.map((e) => e.id));
  for (const s of staff) if (!ownedIds.has(s.establishment.id)) out.push({ role: 'staff', opened: s.establishment, services: s.services, endsAt: s.endsAt });
  return out;
}
