// Expiry reminders by SMS: a passport (citizens) or an iqama (residents) ending within 90, 30
// or 7 days, to the holder, and a dependent's or a domestic worker's iqama to the head of
// family or sponsor. Each person hears once per document, expiry date and threshold, however
// many instances run the job: the reminders_sent row is claimed with ON CONFLICT DO NOTHING in
// the transaction that enqueues the SMS, so only the instance whose insert landed sends it.
import { eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { remindersSent, systemState } from '../../db/schema';
import { addDays, hijriText } from '../../../domain/calendar';
import { HOUR } from '../../platform/clock';
import { kingdomToday } from '../../services/engine/requests';
import { expiryReminderMessage } from '../sms/messages';
import { findDueExpiries, type Band, type DueExpiry } from './due-expiries';

/**
 * Three months ahead (time to book a renewal, or to have a passport posted abroad), a month
 * ahead, and a last week. A document is reminded in the band it is in, so one found with 20
 * days left hears the 30-day reminder, not the 90-day one as well.
 */
export const REMINDER_THRESHOLDS_DAYS = [90, 30, 7] as const;

export function reminderBands(today: string, thresholds: readonly number[] = REMINDER_THRESHOLDS_DAYS): Band[] {
  const sorted = [...thresholds].sort((a, b) => b - a);
  return sorted.map((days, i) => {
    const next = sorted[i + 1];
    return { thresholdDays: days, from: addDays(today, next === undefined ? 0 : next + 1), to: addDays(today, days) };
  });
}

/** Reminders can wait for the morning: nobody should be woken by one. Hours in Riyadh (UTC+3). */
export const SENDING_HOURS = { from: 9, until: 21 } as const;

export function withinSendingHours(now: Date): boolean {
  const hour = new Date(now.getTime() + 3 * HOUR).getUTCHours();
  return hour >= SENDING_HOURS.from && hour < SENDING_HOURS.until;
}

export type ReminderOptions = { batchSize?: number; maxBatchesPerThreshold?: number };

/**
 * The day whose reminders have all been sent. Bands move by whole days, so once a pass has
 * found nothing more to send, the other runs of that day would only scan the registry again;
 * what it misses (an account activated later that day) is still in its band tomorrow.
 */
const COMPLETED_KEY = 'reminders.completed_on';

/** Sends what is due today; returns how many reminders were enqueued. The outbox poller delivers them. */
export async function sendExpiryReminders(deps: Pick<Deps, 'database' | 'clock' | 'outbox' | 'logger'>, opts: ReminderOptions = {}): Promise<number> {
  const now = deps.clock.now();
  if (!withinSendingHours(now)) return 0;
  const db = deps.database.db;
  const batchSize = opts.batchSize ?? 500;
  const maxBatches = opts.maxBatchesPerThreshold ?? 20;
  const today = kingdomToday(now);
  const [done] = await db.select({ value: systemState.value }).from(systemState).where(eq(systemState.key, COMPLETED_KEY)).limit(1);
  if (done?.value === today) return 0;
  let sent = 0;
  let complete = true;
  for (const band of reminderBands(today)) {
    let batches = 0;
    for (;;) {
      const due = await findDueExpiries(db, band, batchSize);
      if (due.length > 0) sent += await remind(deps, band.thresholdDays, due);
      if (due.length < batchSize) break;
      // A bounded run leaves the rest to the next hour rather than holding the job for long.
      if (++batches >= maxBatches) {
        complete = false;
        break;
      }
    }
  }
  if (complete) {
    await db
      .insert(systemState)
      .values({ key: COMPLETED_KEY, value: today, updatedAt: now })
      .onConflictDoUpdate({ target: systemState.key, set: { value: today, updatedAt: now } });
  }
  if (sent > 0) deps.logger.info({ sent, today, complete }, 'expiry reminders enqueued');
  return sent;
}

const keyOf = (r: { idNumber: string; document: string; expiresOn: string }) => `${r.idNumber}|${r.document}|${r.expiresOn}`;

async function remind(deps: Pick<Deps, 'database' | 'clock' | 'outbox'>, thresholdDays: number, due: DueExpiry[]): Promise<number> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const claimed = await tx
      .insert(remindersSent)
      .values(due.map((d) => ({ idNumber: d.recipientIdNumber, document: d.documentKey, expiresOn: d.expiresOn, thresholdDays, sentAt: now })))
      .onConflictDoNothing()
      .returning({ idNumber: remindersSent.idNumber, document: remindersSent.document, expiresOn: remindersSent.expiresOn });
    const ours = new Set(claimed.map(keyOf));
    for (const d of due) {
      // Taken out once used: a reminder the batch happened to hold twice is still sent once.
      if (!ours.delete(keyOf({ idNumber: d.recipientIdNumber, document: d.documentKey, expiresOn: d.expiresOn }))) continue;
      const lang = d.language;
      const body = expiryReminderMessage(
        { document: d.document, whose: d.whose, name: lang === 'ar' ? d.holderNameAr : d.holderNameEn, expiresOn: d.expiresOn, hijri: hijriText(d.expiresOn, lang) },
        lang,
      );
      await deps.outbox.enqueue(tx, { to: d.mobile, body, kind: 'notice' });
    }
    return claimed.length;
  });
}
