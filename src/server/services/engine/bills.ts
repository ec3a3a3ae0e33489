// Bills (SADAD-style) and their payment by a bank through the channel API. A bill number is
// 12 digits ending in a Luhn check digit, so a mistyped number is caught at the bank.
import { randomInt } from 'node:crypto';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Deps } from '../../deps';
import type { Db, Executor } from '../../db/client';
import { isConstant } from '../../db/predicates';
import { insertInto } from '../../db/writes';
import { isUniqueViolation } from '../../db/errors';
import { auditLog, bills, requestEvents, serviceRequests } from '../../db/schema';
import { AppError } from '../../errors';
import { luhnCheckDigit } from '../../../domain/identity-number';
import { audit } from '../../platform/audit';
import { addMs, DAY } from '../../platform/clock';
import { newId } from '../../platform/crypto';
import type { ChannelClientConfig } from '../../config';
import { fulfil, kingdomToday } from './requests';

/** How long a bill can be paid, unless the schedule says otherwise (parameter billing.validity_days). */
const DEFAULT_VALIDITY_DAYS = 3;

export function makeBillNumber(): string {
  const payload = String(randomInt(1, 10)) + String(randomInt(0, 10_000_000_000)).padStart(10, '0');
  return payload + String(luhnCheckDigit(payload));
}

export type Bill = typeof bills.$inferSelect;

/** How many days a bill created today can be paid (the schedule's billing.validity_days). */
export async function billValidityDays(deps: Deps, ex?: Executor): Promise<number> {
  const params = await deps.parameters.load('billing', kingdomToday(deps.clock.now()), ex);
  return params.all()['validity_days']?.value ?? DEFAULT_VALIDITY_DAYS;
}

/**
 * A new bill with a fresh number, and its INSERT not yet run: the caller runs it with the
 * change that asks for payment, and draws a new bill when the (rare) number collision
 * `isBillNumberTaken` reports.
 */
export function newBill(tx: Executor, deps: Deps, requestId: string, amountHalalas: number, validityDays: number) {
  const now = deps.clock.now();
  const row: Bill = {
    billNumber: makeBillNumber(),
    requestId,
    amountHalalas,
    status: 'unpaid',
    createdAt: now,
    expiresAt: addMs(now, validityDays * DAY),
    paidAt: null,
    paidByClient: null,
    receiptId: null,
    refundStatus: null,
  };
  return { row, insert: insertInto(tx, bills, row) };
}

export function isBillNumberTaken(err: unknown): boolean {
  return isUniqueViolation(err, 'bills_pkey');
}

export async function createBill(tx: Executor, deps: Deps, requestId: string, amountHalalas: number) {
  const validityDays = await billValidityDays(deps, tx);
  for (let attempt = 0; ; attempt++) {
    const bill = newBill(tx, deps, requestId, amountHalalas, validityDays);
    try {
      // A savepoint, so that a (rare) number collision does not abort the whole transaction.
      await tx.transaction(async (sp) => {
        await sp.insert(bills).values(bill.row);
      });
      return bill.row;
    } catch (err) {
      if (attempt < 5 && isBillNumberTaken(err)) continue;
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
  const now = deps.clock.now();
  const receiptId = newId();
  // The usual case in one statement: the bill paid (when unpaid, of this amount, not past its
  // date), its request moved on, the event and the audit record written.
  const result = (await db.execute(sql`
    with paid as (
      update ${bills} set status = 'paid', paid_at = ${now}, paid_by_client = ${client.id}, receipt_id = ${receiptId}
      where bill_number = ${billNumber} and status = 'unpaid' and amount_halalas = ${amountHalalas} and expires_at > ${now}
      returning bill_number, request_id
    ), moved as (
      update ${serviceRequests} set status = 'submitted', submitted_at = ${now}, updated_at = ${now}
      where id = (select request_id from paid) and status = 'awaiting_payment'
      returning id, beneficiary_id_number
    ), event as (
      insert into ${requestEvents} (request_id, at, from_status, to_status, actor_kind, actor_id, details)
      select id, ${now}, 'awaiting_payment', 'submitted', 'channel', ${client.id}, jsonb_build_object('billNumber', ${billNumber}::text, 'receiptId', ${receiptId}::text)
      from moved
    ), audited as (
      insert into ${auditLog} (at, action, actor_kind, actor_id, subject_id_number, channel, request_id, details)
      select ${now}, 'bill.paid', 'channel', ${client.id}, (select beneficiary_id_number from moved), 'atm', ${meta.requestId},
        jsonb_build_object('billNumber', ${billNumber}::text, 'requestId', request_id, 'amountHalalas', ${amountHalalas}::int)
      from paid
    )
    select request_id from paid
  `)) as unknown as { rows: Array<{ request_id: string }> };
  const paidFor = result.rows[0]?.request_id;
  if (!paidFor) return answerUnpaid(deps, billNumber, amountHalalas, meta.requestId);
  try {
    await fulfil(deps, paidFor, { requestId: meta.requestId, channel: 'system' });
  } catch (err) {
    // The payment stands; the fulfilment poller tries again.
    deps.logger.warn({ err: String(err), requestId: paidFor }, 'fulfilment after payment deferred');
  }
  return { billNumber, status: 'paid', paidAt: now.toISOString(), receiptId };
}

/**
 * Why a bill was not paid just now: paid already (the same receipt again, also when another
 * payment won a race), a wrong amount, cancelled, past its date (it expires now), or unknown.
 */
async function answerUnpaid(deps: Deps, billNumber: string, amountHalalas: number, reqId: string): Promise<PaymentReceipt> {
  const [bill] = await deps.database.db.select().from(bills).where(eq(bills.billNumber, billNumber)).limit(1);
  if (!bill) throw new AppError('bill_not_found');
  if (bill.amountHalalas !== amountHalalas) throw new AppError('amount_mismatch', { expectedHalalas: bill.amountHalalas });
  if (bill.status === 'paid') return receipt(bill);
  if (bill.status === 'cancelled') throw new AppError('bill_cancelled');
  if (bill.status === 'unpaid' && bill.expiresAt <= deps.clock.now()) await expireBill(deps, bill, reqId);
  throw new AppError('bill_expired');
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

/** Unpaid bills past their date, through the partial index on unpaid bills' expiry. */
export function dueBills(db: Db, now: Date, limit: number) {
  return db.select().from(bills).where(and(isConstant(bills.status, 'unpaid'), lte(bills.expiresAt, now))).limit(limit);
}

/** Expires every unpaid bill past its date; the poller calls it. */
export async function expireDueBills(deps: Deps, limit = 100): Promise<number> {
  const due = await dueBills(deps.database.db, deps.clock.now(), limit);
  for (const b of due) await expireBill(deps, b, 'job');
  return due.length;
}
