// What issuing and renewing an iqama share: the application's fields (how many quarters, the
// office where the card is collected), the published conditions both check (a valid
// passport; for workers, a work permit and no "absent from work" report), the fee from the
// dated schedule (SR650 a year; since the quarterly scheme began, an establishment's workers
// may take 1 to 4 quarters: SR163 / 325 / 488 / 650), and what the directorate produces: the
// iqama document and its card to print at the chosen office. The iqama number is the
// resident's identity number; each card issued for it is a new version of the document.
import { and, count, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { addMonths } from '../../../domain/calendar';
import type { Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { documents, iqamaCards, offices } from '../../db/schema';
import { newId } from '../../platform/crypto';
import type { RegistryPerson } from '../../adapters/population-registry/port';
import { refuse, type FeeLine, type Produced, type Refusal, type ServiceContext, type Text } from '../definition';
import { passportOnFile, validOn } from '../passports/shared';

export const iqamaInput = z.strictObject({
  quarters: z
    .number()
    .int()
    .min(1)
    .max(4)
    .default(4)
    .describe('how many quarters (3 months each) the iqama is issued or renewed for: 1 to 4 for an establishment’s worker, 4 (a whole year) for everyone else'),
  pickupOfficeId: z.string().min(1).max(64).describe('the passports office where the iqama card is collected (see the offices)'),
});
export type IqamaInput = z.infer<typeof iqamaInput>;

/** The refusals both services can give, with their Arabic and English texts. */
export const iqamaRules = {
  unknown_office: { ar: 'مكتب الجوازات المختار لاستلام البطاقة غير موجود.', en: 'The passports office chosen for collecting the card does not exist.' },
  quarters_for_workers_only: {
    ar: 'الإقامة بالأرباع لعمالة المنشآت فقط؛ تُصدر إقامة غيرهم أو تُجدد لسنة كاملة (أربعة أرباع).',
    en: 'Only an establishment’s workers may take an iqama by quarters; others take a whole year (4 quarters).',
  },
  quarters_not_available: {
    ar: 'لم يكن نظام الأرباع سارياً في هذا التاريخ؛ تُصدر الإقامة أو تُجدد لسنة كاملة.',
    en: 'The quarterly scheme was not in force on this date; the iqama is issued or renewed for a whole year.',
  },
  passport_missing: { ar: 'لا يوجد جواز سفر مسجّل؛ انقل معلومات الجواز الجديد أولاً.', en: 'No passport is on file; transfer the new passport’s information first.' },
  passport_expired: { ar: 'جواز السفر منتهي الصلاحية؛ انقل معلومات الجواز الجديد أولاً.', en: 'The passport has expired; transfer the new passport’s information first.' },
  no_work_permit: {
    ar: 'لا توجد رخصة عمل سارية لدى وزارة العمل لهذا العامل لدى صاحب العمل.',
    en: 'The labour ministry holds no valid work permit for this worker with this employer.',
  },
  absent_from_work: {
    ar: 'العامل مُبلَّغ عنه بالتغيب عن العمل لدى وزارة العمل.',
    en: 'The worker is reported absent from work at the labour ministry.',
  },
} as const satisfies Record<string, Text>;

export const iqamaFeeLabels = {
  year: { ar: 'رسوم الإقامة لسنة', en: 'Iqama fee for a year' },
  quarters_1: { ar: 'رسوم الإقامة لربع سنة', en: 'Iqama fee for 1 quarter' },
  quarters_2: { ar: 'رسوم الإقامة لربعين', en: 'Iqama fee for 2 quarters' },
  quarters_3: { ar: 'رسوم الإقامة لثلاثة أرباع', en: 'Iqama fee for 3 quarters' },
  quarters_4: { ar: 'رسوم الإقامة لأربعة أرباع', en: 'Iqama fee for 4 quarters' },
} as const satisfies Record<string, Text>;

/** Whether the quarterly scheme's rows are in force on the context's day. */
function quartersInForce(ctx: ServiceContext): boolean {
  const all = ctx.params.all();
  return [1, 2, 3, 4].every((q) => `quarter_${q}_halalas` in all);
}

/** By quarters only an establishment's worker, and only once the quarterly scheme is in force. */
function byQuarters(ctx: ServiceContext): boolean {
  return ctx.relation === 'establishment_worker' && quartersInForce(ctx);
}

/** How many months the iqama is issued or renewed for. */
export function periodMonths(ctx: ServiceContext, i: IqamaInput): number {
  return byQuarters(ctx) ? i.quarters * 3 : 12;
}

/** The fee for the period: the quarters' rate for a worker under the quarterly scheme, else a year. */
export function periodFee(ctx: ServiceContext, i: IqamaInput): FeeLine[] {
  if (byQuarters(ctx)) return [{ key: `quarters_${i.quarters}`, amountHalalas: ctx.params.get(`quarter_${i.quarters}_halalas`), quantity: 1 }];
  return [{ key: 'year', amountHalalas: ctx.params.get('year_halalas'), quantity: 1 }];
}

export type IqamaOnFile = { expiresOn: string };

/**
 * The person's current iqama: the registry's, or the one the platform issued if it is later,
 * because the registry is told only after the commit and may not have heard yet.
 */
export async function iqamaOnFile(db: Executor, person: RegistryPerson): Promise<IqamaOnFile | null> {
  const [own] = await db
    .select({ expiresOn: documents.expiresOn })
    .from(documents)
    .where(and(eq(documents.holderIdNumber, person.idNumber), eq(documents.kind, 'iqama'), eq(documents.status, 'valid')))
    .orderBy(desc(documents.expiresOn))
    .limit(1);
  const registry = person.iqama ? { expiresOn: person.iqama.expiresOn } : null;
  if (!own) return registry;
  if (!registry) return own;
  return own.expiresOn > registry.expiresOn ? own : registry;
}

/** The conditions issue and renewal share: the period asked, the office, the passport, and for workers the labour ministry's record. */
export async function commonRefusals(ctx: ServiceContext, i: IqamaInput): Promise<Refusal[]> {
  const refusals: Refusal[] = [];
  if (i.quarters !== 4) {
    if (!quartersInForce(ctx)) refusals.push(refuse(iqamaRules, 'quarters_not_available'));
    else if (ctx.relation !== 'establishment_worker') refusals.push(refuse(iqamaRules, 'quarters_for_workers_only'));
  }
  const [office] = await ctx.db.select({ id: offices.id }).from(offices).where(eq(offices.id, i.pickupOfficeId)).limit(1);
  if (!office) refusals.push(refuse(iqamaRules, 'unknown_office', { officeId: i.pickupOfficeId }));
  const passport = await passportOnFile(ctx.db, ctx.beneficiary);
  if (!passport) refusals.push(refuse(iqamaRules, 'passport_missing'));
  else if (!validOn(passport.expiresOn, ctx.today)) refusals.push(refuse(iqamaRules, 'passport_expired', { expiresOn: passport.expiresOn }));
  refusals.push(...(await labourRefusals(ctx)));
  return refusals;
}

/**
 * A worker needs a work permit in force with their sponsor and no "absent from work" report.
 * An establishment's worker must be known to the labour ministry; a domestic worker is held
 * there only in some systems (the sandbox keeps none), so their record counts when there is one.
 * Dependants are not workers: the labour ministry is not asked.
 */
async function labourRefusals(ctx: ServiceContext): Promise<Refusal[]> {
  if (ctx.relation !== 'establishment_worker' && ctx.relation !== 'domestic_worker') return [];
  const worker = await ctx.agencies.labour.findWorker(ctx.beneficiary.idNumber);
  const refusals: Refusal[] = [];
  if (worker?.absentFromWork) refusals.push(refuse(iqamaRules, 'absent_from_work'));
  if (!worker && ctx.relation === 'domestic_worker') return refusals;
  const permitValid =
    !!worker &&
    worker.permitExpiresOn !== null &&
    validOn(worker.permitExpiresOn, ctx.today) &&
    (ctx.relation !== 'establishment_worker' || worker.establishmentId === ctx.beneficiary.sponsor?.id);
  if (!permitValid) refusals.push(refuse(iqamaRules, 'no_work_permit', { permitExpiresOn: worker?.permitExpiresOn ?? null }));
  return refusals;
}

/**
 * The new iqama document (the holder's previous ones the platform issued are replaced) and
 * its card, printed for collection at the chosen office. Inside the fulfilment's
 * transaction: own rows only.
 */
export async function produceIqama(
  tx: Executor,
  ctx: ServiceContext,
  i: IqamaInput,
  requestId: string,
  period: { expiresOn: string; previousExpiresOn: string | null },
): Promise<Produced> {
  const holder = ctx.beneficiary.idNumber;
  const documentId = newId();
  let number = '';
  for (let attempt = 0; ; attempt++) {
    // Each card printed for the same iqama is a new version of the document; the version
    // keeps (kind, number) unique across renewals.
    const [c] = await tx.select({ n: count() }).from(documents).where(and(eq(documents.holderIdNumber, holder), eq(documents.kind, 'iqama')));
    const version = Number(c?.n ?? 0) + 1 + attempt;
    number = `${holder}-${String(version).padStart(2, '0')}`;
    try {
      // A savepoint, so that a version taken by a racing fulfilment does not abort this one.
      await tx.transaction(async (sp) => {
        await sp.insert(documents).values({
          id: documentId,
          kind: 'iqama',
          number,
          holderIdNumber: holder,
          issuedOn: ctx.today,
          expiresOn: period.expiresOn,
          status: 'valid',
          details: { version, months: periodMonths(ctx, i), previousExpiresOn: period.previousExpiresOn, pickupOfficeId: i.pickupOfficeId },
          requestId,
          createdAt: ctx.now,
        });
      });
      break;
    } catch (err) {
      if (attempt < 5 && isUniqueViolation(err, 'documents_kind_number_uq')) continue;
      throw err;
    }
  }
  await tx
    .update(documents)
    .set({ status: 'replaced' })
    .where(and(eq(documents.holderIdNumber, holder), eq(documents.kind, 'iqama'), eq(documents.status, 'valid'), ne(documents.id, documentId)));
  const cardId = newId();
  await tx.insert(iqamaCards).values({
    id: cardId,
    requestId,
    holderIdNumber: holder,
    expiresOn: period.expiresOn,
    establishmentId: ctx.establishment?.id ?? null,
    applicantAccountId: ctx.applicant.accountId,
    officeId: i.pickupOfficeId,
    status: 'printed',
    printedAt: ctx.now,
  });
  return {
    documents: [{ kind: 'iqama', number, issuedOn: ctx.today, expiresOn: period.expiresOn }],
    summary: { months: periodMonths(ctx, i), previousExpiresOn: period.previousExpiresOn, card: { id: cardId, officeId: i.pickupOfficeId, status: 'printed' } },
  };
}

/** The new expiry: the period counted from `from`. */
export function expiryAfter(from: string, ctx: ServiceContext, i: IqamaInput): string {
  return addMonths(from, periodMonths(ctx, i));
}

/** Tells the registry the iqama's new expiry; the same call twice leaves the same record. */
export async function recordIqamaInRegistry(ctx: ServiceContext, produced: Produced): Promise<void> {
  const iqama = produced.documents.find((d) => d.kind === 'iqama');
  if (!iqama) return;
  await ctx.agencies.registry.recordIqama(ctx.beneficiary.idNumber, { expiresOn: iqama.expiresOn });
}
