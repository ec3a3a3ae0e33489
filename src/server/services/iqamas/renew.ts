// Renewing a resident's iqama, valid or expired: a worker of an establishment (by its owner or
// authorized staff), a domestic worker (by their sponsor) or a dependant (by the head of
// family). Published conditions: a valid passport; for workers, a work permit and no "absent
// from work" report. Fee: as for an issue, plus a late penalty once the iqama has been expired
// longer than the grace period: SR500 the first time, SR1,000 each later time. The new expiry
// counts the period from the current expiry, or from today when the iqama has expired.
import { and, count, eq, or, sql } from 'drizzle-orm';
import { addMonths, daysBetween } from '../../../domain/calendar';
import { serviceRequests } from '../../db/schema';
import { refuse, type FeeLine, type Refusal, type ServiceContext, type ServiceDefinition } from '../definition';
import { sponsoredWorker, sponsorshipRules } from '../transfers/sponsorship';
import { commonRefusals, expiryAfter, iqamaFeeLabels, iqamaInput, iqamaOnFile, iqamaRules, periodFee, produceIqama, recordIqamaInRegistry, type IqamaInput } from './shared';

const rules = {
  no_iqama_to_renew: { ar: 'لا توجد إقامة سابقة لتجديدها؛ استخدم خدمة إصدار الإقامة.', en: 'There is no iqama to renew; use the iqama issue service.' },
  iqama_not_due_for_renewal: {
    ar: 'ما زالت الإقامة سارية لأكثر من سنة؛ لا تُجدد قبل ذلك.',
    en: 'The iqama is still valid for more than a year; it cannot be renewed yet.',
  },
  ...iqamaRules,
  ...sponsorshipRules,
} as const;

/** The keys of the late renewal lines: their presence on an issued renewal is what makes it count as late. */
const LATE_FIRST = 'late_first';
const LATE_REPEAT = 'late_repeat';

/** Days the iqama has been expired today (0 or less: not expired). */
function daysExpired(ctx: ServiceContext, expiresOn: string): number {
  return daysBetween(expiresOn, ctx.today);
}

/** How many of the resident's renewals were issued late (their fee carried a late line). */
async function earlierLateRenewals(ctx: ServiceContext): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(serviceRequests)
    .where(
      and(
        eq(serviceRequests.beneficiaryIdNumber, ctx.beneficiary.idNumber),
        eq(serviceRequests.service, 'iqama_renew'),
        eq(serviceRequests.status, 'issued'),
        or(
          sql`${serviceRequests.feeLines} @> ${JSON.stringify([{ key: LATE_FIRST }])}::jsonb`,
          sql`${serviceRequests.feeLines} @> ${JSON.stringify([{ key: LATE_REPEAT }])}::jsonb`,
        ),
      ),
    );
  return Number(row?.n ?? 0);
}

export const iqamaRenew: ServiceDefinition<IqamaInput> = {
  code: 'iqama_renew',
  name: { ar: 'تجديد إقامة', en: 'Renew an iqama' },
  description: {
    ar: 'تجديد إقامة عامل المنشأة أو العمالة المنزلية أو التابع، سارية كانت أو منتهية، وتُستلم البطاقة من مكتب الجوازات المختار. للعمالة أن تختار من ربع إلى أربعة أرباع. التجديد بعد مهلة السماح من انتهاء الإقامة تترتب عليه غرامة تأخير.',
    en: 'Renew the iqama of an establishment’s worker, a domestic worker or a dependant, valid or expired; the card is collected at the chosen passports office. Workers may take 1 to 4 quarters. Renewing after the grace period that follows expiry incurs a late fee.',
  },
  beneficiaryKinds: ['resident'],
  relations: ['establishment_worker', 'family', 'domestic_worker'],
  delegable: true,
  input: iqamaInput,
  rules,
  async eligibility(ctx, i) {
    const refusals: Refusal[] = [];
    const current = await iqamaOnFile(ctx.db, ctx.beneficiary);
    if (!current) refusals.push(refuse(rules, 'no_iqama_to_renew'));
    // An iqama is never renewed while more than a year of it remains, so that renewals do not
    // pile up validity far beyond the period the fee schedule sells.
    else if (current.expiresOn > addMonths(ctx.today, 12)) refusals.push(refuse(rules, 'iqama_not_due_for_renewal', { expiresOn: current.expiresOn }));
    refusals.push(...(await commonRefusals(ctx, i)));
    return refusals;
  },
  feeLabels: {
    ...iqamaFeeLabels,
    [LATE_FIRST]: { ar: 'غرامة تأخير تجديد الإقامة (أول مرة)', en: 'Late renewal fee (first time)' },
    [LATE_REPEAT]: { ar: 'غرامة تأخير تجديد الإقامة (تكرار)', en: 'Late renewal fee (repeated)' },
  },
  async fee(ctx, i) {
    const lines: FeeLine[] = periodFee(ctx, i);
    const current = await iqamaOnFile(ctx.db, ctx.beneficiary);
    if (current && daysExpired(ctx, current.expiresOn) > ctx.params.get('late_grace_days')) {
      const repeat = (await earlierLateRenewals(ctx)) > 0;
      lines.push(
        repeat
          ? { key: LATE_REPEAT, amountHalalas: ctx.params.get('late_repeat_halalas'), quantity: 1 }
          : { key: LATE_FIRST, amountHalalas: ctx.params.get('late_first_halalas'), quantity: 1 },
      );
    }
    return lines;
  },
  // Exactly this key: the establishments' bulk renewal finds a worker's open renewal by it.
  conflictKey: (ctx) => `iqama_renew:${ctx.beneficiary.idNumber}`,
  exclusive: sponsoredWorker<IqamaInput>(),
  async fulfil(tx, ctx, i, requestId) {
    const current = await iqamaOnFile(tx, ctx.beneficiary);
    const from = current && current.expiresOn > ctx.today ? current.expiresOn : ctx.today;
    return produceIqama(tx, ctx, i, requestId, { expiresOn: expiryAfter(from, ctx, i), previousExpiresOn: current?.expiresOn ?? null });
  },
  afterIssue: (ctx, _i, produced) => recordIqamaInRegistry(ctx, produced),
};
