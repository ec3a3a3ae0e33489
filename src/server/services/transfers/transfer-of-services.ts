// Transfer of services (sponsorship): an establishment takes on a worker sponsored by another
// establishment. The new establishment applies; the worker consents from their own account;
// the current establishment releases the worker unless a waiver applies (the iqama expired and
// was not renewed, or none was issued within release_waiver_arrival_months of arrival); the
// fee is paid; the labour ministry approves; the registry records the new sponsor.
//
// Fee by the worker's transfer count (their issued transfers before this one): first, second,
// third rate (SR2,000 / 4,000 / 6,000, dated parameters); a fourth and later at the third rate.
//
// One transfer per establishment per establishment_interval_months: an establishment cannot
// receive a transfer while another one to it is open, nor within the interval after one was
// issued. Open requests count so that two cannot race to the same interval: the conflict key
// is the receiving establishment's, so the database itself refuses a second open transfer to
// it (409 conflicting_request), and eligibility names the rule (422) before it comes to that.
// A worker has one open transfer at a time, and is transferred once: the service is exclusive
// on the worker's sponsorship (see ServiceDefinition.exclusive). Another establishment's open
// request for them refuses a new one, asked again under the worker's lock before the INSERT,
// so that two establishments applying at once cannot both succeed; and a transfer of the
// worker issued after this one was made refuses this one at fulfilment, asked early (before
// the ministry is asked) and again under the lock, where of two transfers decided at once the
// second sees the first one issued. The registry's sponsor cannot be that check: it is an
// agency, told after the commit.
// The former sponsor's own services for the worker (an iqama, a visa, a profession change)
// are decided under the same lock, and refused once this transfer is issued (./sponsorship).
import { and, count, desc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { kingdomToday } from '../engine/requests';
import { accounts, serviceRequests } from '../../db/schema';
import { OPEN_STATUSES } from '../../../domain/requests/lifecycle';
import { nextTransferDay, releaseWaiver, transferFeeKey } from '../../../domain/transfers';
import type { Executor } from '../../db/client';
import { refuse, type Refusal, type ServiceContext, type ServiceDefinition } from '../definition';
import { sponsorshipLock, transferredSince, TRANSFER_OF_SERVICES } from './sponsorship';

const SERVICE = TRANSFER_OF_SERVICES;

const rules = {
  domestic_worker: {
    ar: 'نقل الخدمات بين المنشآت لا يشمل العمالة المنزلية المكفولة من أفراد.',
    en: 'A transfer of services between establishments is not for domestic workers sponsored by individuals.',
  },
  not_an_establishment_worker: { ar: 'لا توجد منشأة كافلة للعامل يُنقل منها.', en: 'The worker has no sponsoring establishment to be transferred from.' },
  already_your_worker: { ar: 'العامل على كفالة هذه المنشأة.', en: 'The worker is already sponsored by this establishment.' },
  absent_from_work: { ar: 'العامل مبلَّغ عن تغيبه عن العمل.', en: 'The worker is reported absent from work.' },
  worker_has_no_account: {
    ar: 'يوافق العامل على النقل من حسابه في أبشر، ولا يوجد له حساب مفعّل؛ يسجّل العامل ويفعّل حسابه أولاً.',
    en: 'The worker consents to the transfer from their own Absher account, and has no active one; the worker registers and activates an account first.',
  },
  establishment_transfer_interval: {
    ar: 'لا تستقبل المنشأة أكثر من نقل خدمات واحد في المدة المحددة، ولديها نقل مفتوح أو صدر خلالها.',
    en: 'An establishment receives one transfer of services per set period, and this one has a transfer open or issued within it.',
  },
  worker_transfer_open: { ar: 'يوجد طلب نقل خدمات مفتوح لهذا العامل من منشأة أخرى.', en: 'Another establishment has an open transfer of services request for this worker.' },
  worker_transferred_meanwhile: { ar: 'نُقلت خدمات العامل إلى منشأة أخرى أثناء نظر هذا الطلب.', en: 'The worker was transferred to another establishment while this request was pending.' },
  labour_refused: { ar: 'لم توافق وزارة العمل على نقل الخدمات.', en: 'The labour ministry did not approve the transfer of services.' },
} as const;

const input = z.strictObject({});
type Input = z.infer<typeof input>;

function establishmentOf(ctx: ServiceContext) {
  // The engine gives every establishment_recruit application its establishment.
  if (!ctx.establishment) throw new Error('transfer_of_services without an establishment');
  return ctx.establishment;
}

async function issuedTransfersOf(ctx: ServiceContext): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(serviceRequests)
    .where(and(eq(serviceRequests.service, SERVICE), eq(serviceRequests.beneficiaryIdNumber, ctx.beneficiary.idNumber), eq(serviceRequests.status, 'issued')));
  return Number(row?.n ?? 0);
}

/**
 * Why the establishment cannot receive this transfer now: another transfer to it is open (for
 * another worker: the same worker's is the conflict key's 409), or the last one issued to it
 * was within the interval. At fulfilment the request itself is the only open one (the conflict
 * key), and is not counted.
 */
async function intervalRefusal(ctx: ServiceContext, establishmentId: string): Promise<Refusal | null> {
  const months = ctx.params.get('establishment_interval_months');
  const [open] = await ctx.db
    .select({ id: serviceRequests.id })
    .from(serviceRequests)
    .where(
      and(
        eq(serviceRequests.service, SERVICE),
        eq(serviceRequests.establishmentId, establishmentId),
        inArray(serviceRequests.status, [...OPEN_STATUSES]),
        ne(serviceRequests.beneficiaryIdNumber, ctx.beneficiary.idNumber),
      ),
    )
    .limit(1);
  if (open) return refuse(rules, 'establishment_transfer_interval', { intervalMonths: months, open: true });
  const [last] = await ctx.db
    .select({ decidedAt: serviceRequests.decidedAt })
    .from(serviceRequests)
    .where(and(eq(serviceRequests.service, SERVICE), eq(serviceRequests.establishmentId, establishmentId), eq(serviceRequests.status, 'issued')))
    .orderBy(desc(serviceRequests.decidedAt))
    .limit(1);
  if (!last?.decidedAt) return null;
  const nextOn = nextTransferDay(kingdomToday(last.decidedAt), months);
  return ctx.today < nextOn ? refuse(rules, 'establishment_transfer_interval', { intervalMonths: months, nextOn }) : null;
}

async function otherOpenTransfer(ex: Executor, ctx: ServiceContext, establishmentId: string): Promise<boolean> {
  const [row] = await ex
    .select({ id: serviceRequests.id })
    .from(serviceRequests)
    .where(
      and(
        eq(serviceRequests.service, SERVICE),
        eq(serviceRequests.beneficiaryIdNumber, ctx.beneficiary.idNumber),
        inArray(serviceRequests.status, [...OPEN_STATUSES]),
        ne(serviceRequests.establishmentId, establishmentId),
      ),
    )
    .limit(1);
  return !!row;
}

/**
 * Whether another transfer of the worker was issued since this one was made: its checks read
 * the worker's sponsor before, and the current establishment's release was of a worker that
 * is no longer theirs. The same instant counts (the safe side: the fee is owed back).
 */
function transferredSinceMade(ex: Executor, idNumber: string, request: { id: string; createdAt: Date }): Promise<boolean> {
  return transferredSince(ex, idNumber, request.createdAt, { except: request.id });
}

/** Whether the worker holds an active account to consent from. */
async function hasActiveAccount(ctx: ServiceContext): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.idNumber, ctx.beneficiary.idNumber), eq(accounts.status, 'active')))
    .limit(1);
  return !!row;
}

export const transferOfServices: ServiceDefinition<Input> = {
  code: SERVICE,
  name: { ar: 'نقل الخدمات', en: 'Transfer of services' },
  description: {
    ar: 'تطلب المنشأة الجديدة نقل خدمات عامل على كفالة منشأة أخرى: يوافق العامل من حسابه، وتُخلي المنشأة الحالية طرفه ما لم تنطبق حالة إعفاء (انتهاء الإقامة دون تجديد، أو عدم إصدارها خلال ثلاثة أشهر من الوصول)، ثم تُسدَّد الرسوم وتوافق وزارة العمل.',
    en: 'The new establishment asks to take on a worker sponsored by another: the worker consents from their own account, the current establishment releases them unless a waiver applies (the iqama expired and was not renewed, or none was issued within three months of arrival), then the fee is paid and the labour ministry approves.',
  },
  beneficiaryKinds: ['resident'],
  relations: ['establishment_recruit'],
  delegable: true,
  input,
  rules,
  async eligibility(ctx) {
    const refusals: Refusal[] = [];
    const est = establishmentOf(ctx);
    const sponsor = ctx.beneficiary.sponsor;
    const [worker, intervalRefused, account] = await Promise.all([
      ctx.agencies.labour.findWorker(ctx.beneficiary.idNumber),
      intervalRefusal(ctx, est.id),
      hasActiveAccount(ctx),
    ]);
    if (sponsor?.kind === 'person') refusals.push(refuse(rules, 'domestic_worker'));
    else if (!sponsor) refusals.push(refuse(rules, 'not_an_establishment_worker'));
    else if (sponsor.id === est.id) refusals.push(refuse(rules, 'already_your_worker'));
    if (worker?.absentFromWork) refusals.push(refuse(rules, 'absent_from_work'));
    if (!account) refusals.push(refuse(rules, 'worker_has_no_account'));
    if (intervalRefused) refusals.push(intervalRefused);
    return refusals;
  },
  feeLabels: {
    first_transfer: { ar: 'رسوم نقل الخدمات (النقل الأول)', en: 'Transfer of services fee (first transfer)' },
    second_transfer: { ar: 'رسوم نقل الخدمات (النقل الثاني)', en: 'Transfer of services fee (second transfer)' },
    third_transfer: { ar: 'رسوم نقل الخدمات (النقل الثالث وما بعده)', en: 'Transfer of services fee (third transfer and later)' },
  },
  async fee(ctx) {
    const key = transferFeeKey(await issuedTransfersOf(ctx));
    return [{ key: key.replace(/_halalas$/, ''), amountHalalas: ctx.params.get(key), quantity: 1 }];
  },
  conflictKey: (ctx) => `${SERVICE}:establishment:${establishmentOf(ctx).id}`,
  // Not in the eligibility: asked again at fulfilment, another establishment's open request
  // would refuse both of two transfers decided at once, and the first paid while the other
  // still awaited its payment. At fulfilment the first decided goes through.
  exclusive: {
    key: (ctx) => sponsorshipLock(ctx.beneficiary.idNumber),
    atSubmission: async (ex, ctx) => ((await otherOpenTransfer(ex, ctx, establishmentOf(ctx).id)) ? [refuse(rules, 'worker_transfer_open')] : []),
    atFulfilment: async (tx, ctx, _i, request) => ((await transferredSinceMade(tx, ctx.beneficiary.idNumber, request)) ? [refuse(rules, 'worker_transferred_meanwhile')] : []),
  },
  consentFrom: async (ctx) => [ctx.beneficiary.idNumber],
  releaseFrom(ctx) {
    const sponsor = ctx.beneficiary.sponsor;
    if (sponsor?.kind !== 'establishment') return null;
    return releaseWaiver(ctx.beneficiary, ctx.today, ctx.params.get('release_waiver_arrival_months')) ? null : sponsor.id;
  },
  async approval(ctx, _i, requestId) {
    const est = establishmentOf(ctx);
    // Asked before the ministry is, so that it is not asked for a transfer already overtaken;
    // asked again under the worker's lock (exclusive.atFulfilment), which decides.
    const [self] = await ctx.db.select({ createdAt: serviceRequests.createdAt }).from(serviceRequests).where(eq(serviceRequests.id, requestId)).limit(1);
    if (self && (await transferredSinceMade(ctx.db, ctx.beneficiary.idNumber, { id: requestId, createdAt: self.createdAt }))) {
      return [refuse(rules, 'worker_transferred_meanwhile')];
    }
    const answer = await ctx.agencies.labour.requestApproval({
      reference: requestId,
      kind: SERVICE,
      idNumber: ctx.beneficiary.idNumber,
      establishmentId: est.id,
      details: { from: ctx.beneficiary.sponsor?.id ?? null },
    });
    return answer.approved ? [] : [refuse(rules, 'labour_refused', { reason: answer.reason })];
  },
  async fulfil(tx, ctx, _i, requestId) {
    const [self] = await tx.select({ releaseFrom: serviceRequests.releaseFrom, feeLines: serviceRequests.feeLines }).from(serviceRequests).where(eq(serviceRequests.id, requestId)).limit(1);
    const waiver = releaseWaiver(ctx.beneficiary, ctx.today, ctx.params.get('release_waiver_arrival_months'));
    return {
      documents: [],
      summary: {
        from: ctx.beneficiary.sponsor?.id ?? null,
        to: establishmentOf(ctx).id,
        // Released by the establishment, or the waiver that applied (read again now).
        release: self?.releaseFrom ? 'released' : (waiver ?? 'waived'),
        feeLine: self?.feeLines[0]?.key ?? null,
      },
    };
  },
  // The new sponsor as the fulfilment recorded it.
  afterIssue: async (ctx, _i, produced) => {
    const to = produced.summary?.['to'];
    if (typeof to !== 'string') throw new Error('transfer_of_services issued without its establishment');
    await ctx.agencies.registry.recordSponsor(ctx.beneficiary.idNumber, { kind: 'establishment', id: to });
  },
};
