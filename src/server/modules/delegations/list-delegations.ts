// The authorizations an account gave and received, with the other party's name.
import type { Deps } from '../../deps';
import { listOf } from './repository';
import { namesOf } from './names';

export async function listDelegations(deps: Pick<Deps, 'database' | 'registry'>, accountId: string) {
  const db = deps.database.db;
  const [given, received] = await Promise.all([listOf(db, accountId, 'given'), listOf(db, accountId, 'received')]);
  const names = await namesOf(deps, [...given, ...received].map((r) => r.party));
  return { given, received, names };
}
