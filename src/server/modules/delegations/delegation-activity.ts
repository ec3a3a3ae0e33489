// What a delegate did under one authorization, for the holder who gave it: the requests made
// on their behalf and every audited action, quotes included.
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { billsOf } from '../../services/engine/requests';
import { auditUnder, findGiven, requestsUnder } from './repository';
import { namesOf } from './names';

export async function delegationActivity(deps: Deps, grantorAccountId: string, delegationId: string) {
  const db = deps.database.db;
  const found = await findGiven(db, grantorAccountId, delegationId);
  // The delegate and everyone else get the same answer as for an id that does not exist.
  if (!found) throw new AppError('delegation_not_found');
  const [requests, entries, names] = await Promise.all([requestsUnder(db, grantorAccountId, delegationId), auditUnder(db, found.delegation), namesOf(deps, [found.party])]);
  const bills = await billsOf(deps, requests.map((r) => r.id));
  return { ...found, requests, bills, entries, names };
}
