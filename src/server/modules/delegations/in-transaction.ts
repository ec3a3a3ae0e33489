// Runs a use case in one transaction and delivers the SMS it enqueued once that transaction
// has committed: a notice exists exactly when the change it announces does.
import type { Deps } from '../../deps';
import type { Executor } from '../../db/client';

export async function committed<T extends { smsIds: string[] }>(deps: Pick<Deps, 'database' | 'outbox'>, work: (tx: Executor) => Promise<T>): Promise<T> {
  const result = await deps.database.db.transaction((tx) => work(tx));
  await deps.outbox.deliver(result.smsIds);
  return result;
}
