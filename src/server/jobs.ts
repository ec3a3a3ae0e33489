// The background work of a running server: SMS delivery retries, fulfilment of requests left
// submitted while an agency was down, expiry of unpaid bills, forgetting old idempotency
// keys, reminders of expiring passports and iqamas. Every job is safe to run on several
// instances at once.
import type { Deps } from './deps';
import { purgeIdempotencyKeys } from './http/idempotency';
import { sendExpiryReminders } from './modules/reminders/send-expiry-reminders';
import { expireDueBills } from './services/engine/bills';
import { fulfilPending, retryAfterIssue } from './services/engine/requests';

type Job = { name: string; everyMs: number; run: (deps: Deps) => Promise<unknown> };

export const jobs: Job[] = [
  { name: 'sms-outbox', everyMs: 2_000, run: (d) => d.outbox.deliverDue() },
  { name: 'fulfil-pending', everyMs: 15_000, run: (d) => fulfilPending(d) },
  { name: 'after-issue-retry', everyMs: 60_000, run: (d) => retryAfterIssue(d) },
  { name: 'expire-bills', everyMs: 60_000, run: (d) => expireDueBills(d) },
  { name: 'purge-idempotency-keys', everyMs: 3_600_000, run: (d) => purgeIdempotencyKeys(d.database.db, d.clock) },
  // Hourly: the first run in the day's sending hours (from 09:00 in Riyadh) sends that day's reminders.
  { name: 'expiry-reminders', everyMs: 3_600_000, run: (d) => sendExpiryReminders(d) },
];

export function startJobs(deps: Deps): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      job
        .run(deps)
        .catch((err) => deps.logger.warn({ job: job.name, err: String(err) }, 'background job failed'))
        .finally(() => (running = false));
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return () => timers.forEach((t) => clearInterval(t));
}
