// One establishment as its owner or staff see it: the platform's row and the labour
// ministry's record (registration numbers, city, worker count).
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { loadParameters } from '../../services/parameters';
import { kingdomToday } from '../../services/engine/requests';
import { standingAt } from './access';

export async function establishmentDetails(deps: Pick<Deps, 'database' | 'clock' | 'labour'>, accountId: string, establishmentId: string) {
  const standing = await standingAt(deps, accountId, establishmentId);
  const [labour, params] = await Promise.all([
    deps.labour.findEstablishment(establishmentId),
    loadParameters(deps.database.db, 'paper_transactions', kingdomToday(deps.clock.now())),
  ]);
  if (!labour) throw new AppError('establishment_not_found');
  return { standing, labour, paperAllowed: labour.workerCount > params.get('max_workers_without_paper') };
}
