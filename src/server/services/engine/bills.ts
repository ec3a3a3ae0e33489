// Bills (SADAD-style) and their payment by a bank through the channel API. A bill number is
// 12 digits ending in a Luhn check digit, so a mistyped number is caught at the bank.
import { randomInt } from 'node:crypto';
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Deps } from '../../deps';
import type { Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { bills, requestEvents, serviceRequests } from '../../db/schema';
import { AppError } from '../../errors';
import { luhnCheckDigit } from '../../../domain/identity-number';
import { audit } from '../../platform/audit';
import { addMs, DAY } from '../../platform/clock';
import { newId } from '../../platform/crypto';
import type { ChannelClientConfig } from '../../config';
import { loadParameters } from '../parameters';
import { fulfil, kingdomToday } from './requests';

/** How long a bill can be paid, unless the schedule says otherwise (parameter billing.validity_days). */
const DEFAULT_VALIDITY_DAYS = 3;

export function makeBillNumber(): string {
  const payload = String(randomInt(1, 10)) + String(randomInt(0, 10_000_000_000)).padStart(10, '0');
  return payload + String(luhnCheckDigit(payload));
}

export async function createBill(tx: Executor, deps: Deps, requestId: string, amountHalalas: number) {
  const now = deps.clock.now();
  const params = await loadParameters(tx, 'billing', kingdomToday(now));
  const validityDays = params.all()['validity_days']?.value ?? DEFAULT_VALIDITY_DAYS;
  for (let attempt = 0; ; attempt++) {
    const billNumber = makeBillNumber();
    try {
      // A savepoint, so that a (rare) number collision does not abort the whole transaction.
      return await tx.transaction(async (sp) => {
        const [bill] = await sp
          .insert(bills)
          .values({ billNumber, requestId, amountHalalas, status: 'unpaid', createdAt: now, expiresAt: addMs(now, validityDays * DAY) })
          .returning();
        return bill!;
      });
    } catch (err) {
      if (attempt < 5 && isUniqueViolation(err, 'bills_pkey')) continue;
      throw err;
    }
  }
}

export type PaymentReceipt = { billNumber: string; status: 'paid'; paidAt: string; receiptId: string };

function receipt(b: typeof bills.$inferSelect): PaymentReceipt {
  return { billNumber: b.billNumber, status: 'paid', paidAt: b.paidAt!.toISOString(), receiptId: b.receiptId! };
}

/**
 * A bank pays a bill. Paying a paid bill again answers with the same receipt; a wrong amount,
 * an expired or cancelled bill are refused. Payment moves the request to submitted, and the
 * request is fulfilled right after.
 */
export async function payBill(deps: Deps, client: ChannelClientConfig, billNumber: string, amountHalalas: number, meta: { requestId: string }): Promise<PaymentReceipt> {
  if (client.kind !== 'atm') throw new AppError('payment_channel_not_allowed');
  const db = deps.database.db;
  const [bill] = await db.select().from(bills).where(eq(bills.billNumber, billNumber)).limit(1);
  if (!bill) throw new AppError('bill_not_found');
  if (bill.amountHalalas !== amountHalalas) throw new AppError('amount_mismatch', { expectedHalalas: bill.amountHalalas });
  if (bill.status === 'paid') return receipt(bill);
  if (bill.status === 'cancelled') throw new AppError('bill_cancelled');
  const now = deps.clock.now();
  if (bill.status === 'expired' || bill.expiresAt <= now) {
    await expireBill(deps, bill, meta.requestId);
    throw new AppError('bill_expired');
  }
  const paid = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(bills)
      .set({ status: 'paid', paidAt: now, paidByClient: client.id, receiptId: newId() })
      .where(and(eq(bills.billNumber, billNumber), eq(bills.status, 'unpaid'), gt(bills.expiresAt, now)))
      .returning();
    if (!updated) return null;
    const [moved] = await tx
      .update(serviceRequests)
      .set({ status: 'submitted', submittedAt: now, updatedAt: now })
      .where(and(eq(serviceRequests.id, bill.requestId), eq(serviceRequests.status, 'awaiting_payment')))
      .returning();
    if (moved) {
      await tx.insert(requestEvents).values({
        requestId: moved.id,
        at: now,
        fromStatus: 'awaiting_payment',
        toStatus: 'submitted',
        actorKind: 'channel',
        actorId: client.id,
        details: { billNumber, receiptId: updated.receiptId },
      });
    }
    await audit(tx, {
      at: now,
      action: 'bill.paid',
      actor: { kind: 'channel', id: client.id },
      subjectIdNumber: moved?.beneficiaryIdNumber ?? null,
      channel: 'atm',
      requestId: meta.requestId,
      details: { billNumber, requestId: bill.requestId, amountHalalas },
    });
    return updated;
  });
  if (!paid) {
    // Another payment of the same bill won the race: answer with its receipt.
    const [again] = await db.select().from(bills).where(eq(bills.billNumber, billNumber)).limit(1);
    if (again?.status === 'paid') return receipt(again);
    throw new AppError(again?.status === 'cancelled' ? 'bill_cancelled' : 'bill_expired');
  }
  try {
    await fulfil(deps, bill.requestId, { requestId: meta.requestId, channel: 'system' });
  } catch (err) {
    // The payment stands; the fulfilment poller tries again.
    deps.logger.warn({ err: String(err), requestId: bill.requestId }, 'fulfilment after payment deferred');
  }
  return receipt(paid);
}

/** An unpaid bill past its date: the bill expires and its request is cancelled. */
async function expireBill(deps: Deps, bill: typeof bills.$inferSelect, reqId: string) {
  await deps.database.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const [b] = await tx.update(bills).set({ status: 'expired' }).where(and(eq(bills.billNumber, bill.billNumber), eq(bills.status, 'unpaid'))).returning();
    if (!b) return;
    const [moved] = await tx
      .update(serviceRequests)
      .set({ status: 'cancelled', decidedAt: now, updatedAt: now })
      .where(and(eq(serviceRequests.id, bill.requestId), eq(serviceRequests.status, 'awaiting_payment')))
      .returning();
    if (moved) {
      await tx.insert(requestEvents).values({ requestId: moved.id, at: now, fromStatus: 'awaiting_payment', toStatus: 'cancelled', actorKind: 'system', actorId: null, details: { reason: 'bill_expired' } });
      await audit(tx, { at: now, action: 'request.cancelled', actor: { kind: 'system' }, subjectIdNumber: moved.beneficiaryIdNumber, channel: 'system', requestId: reqId, details: { requestId: moved.id, reason: 'bill_expired' } });
    }
  });
}

/** Expires every unpaid bill past its date; the poller calls it. */
export async function expireDueBills(deps: Deps, limit = 100): Promise<number> {
  const due = await deps.database.db
    .select()
    .from(bills)
    .where(and(eq(bills.status, 'unpaid'), lte(bills.expiresAt, deps.clock.now())))
    .limit(limit);
  for (const b of due) await expireBill(deps, b, 'job');
  return due.length;
}
