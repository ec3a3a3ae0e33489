// Who stood on each side of a request a delegate made: the holder who gave the authorization
// and the delegate who used it, by name and a masked identity number, as the authorizations
// themselves show them. Requests made without a delegate have none. And the establishment
// that applied, by its name, for a request its owner or staff made.
import { inArray } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { accounts, establishments, type serviceRequests } from '../../db/schema';
import { namesOf, type Names } from '../delegations/names';
import { maskIdNumber } from '../delegations/rules';

type RequestRow = Pick<typeof serviceRequests.$inferSelect, 'id' | 'applicantAccountId' | 'onBehalfOfAccountId'>;
export type Party = { name: Names | null; idNumberMasked: string };
export type DelegationParties = { grantor: Party; delegate: Party };

export async function delegationPartiesOf(deps: Pick<Deps, 'database' | 'registry'>, rows: readonly RequestRow[]): Promise<Map<string, DelegationParties>> {
  const delegated = rows.filter((r) => r.onBehalfOfAccountId !== null);
  const parties = new Map<string, DelegationParties>();
  if (delegated.length === 0) return parties;
  const ids = [...new Set(delegated.flatMap((r) => [r.applicantAccountId, r.onBehalfOfAccountId!]))];
  const found = await deps.database.db
    .select({ id: accounts.id, idNumber: accounts.idNumber, nameAr: accounts.nameAr, nameEn: accounts.nameEn })
    .from(accounts)
    .where(inArray(accounts.id, ids));
  const byId = new Map(found.map((a) => [a.id, a]));
  const names = await namesOf(deps, found);
  const party = (accountId: string): Party | null => {
    const a = byId.get(accountId);
    return a ? { name: names.get(a.idNumber) ?? null, idNumberMasked: maskIdNumber(a.idNumber) } : null;
  };
  for (const r of delegated) {
    const grantor = party(r.onBehalfOfAccountId!);
    const delegate = party(r.applicantAccountId);
    if (grantor && delegate) parties.set(r.id, { grantor, delegate });
  }
  return parties;
}

/**
 * The names of the establishments that applied, by unified number. An establishment applies
 * only once opened on the platform, which keeps its names as the labour ministry gave them.
 */
export async function establishmentNamesOf(deps: Pick<Deps, 'database'>, rows: readonly Pick<typeof serviceRequests.$inferSelect, 'establishmentId'>[]): Promise<Map<string, Names>> {
  const ids = [...new Set(rows.flatMap((r) => (r.establishmentId ? [r.establishmentId] : [])))];
  if (ids.length === 0) return new Map();
  const found = await deps.database.db
    .select({ id: establishments.id, nameAr: establishments.nameAr, nameEn: establishments.nameEn })
    .from(establishments)
    .where(inArray(establishments.id, ids));
  return new Map(found.map((e) => [e.id, { ar: e.nameAr, en: e.nameEn }]));
}
