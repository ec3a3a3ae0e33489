// The nationalities among an establishment's workers, with how many workers hold each: what
// the workers view's nationality filter offers. Counts only, so no worker's record is looked at.
import type { Deps } from '../../deps';
import { standingAt } from './access';

export async function workerNationalities(deps: Pick<Deps, 'database' | 'clock' | 'registry'>, accountId: string, establishmentId: string) {
  await standingAt(deps, accountId, establishmentId);
  return deps.registry.establishmentNationalities(establishmentId);
}
