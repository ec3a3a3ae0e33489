// Final exit visa for a resident leaving the kingdom for good: a dependent, a domestic
// worker, or a worker of an establishment (applied for by its owner or authorized staff). Published
// conditions: the iqama valid at least min_iqama_validity_days (30); no unpaid traffic fines;
// no travel ban; no other open final exit visa. Free. With 30–60 days of iqama left the visa
// lasts the remaining days, otherwise standard_validity_days (60): both dated parameters.
//
// Our rule beside the published ones: while an exit and re-entry visa is open (issued and
// unexpired, or applied for), a final exit visa is refused rather than the other one being
// cancelled behind the applicant's back, so that a resident never holds two exit documents.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { addDays } from '../../../domain/calendar';
import { documents } from '../../db/schema';
import { insertInto } from '../../db/writes';
import { newId } from '../../platform/crypto';
import { refuse, type Refusal, type ServiceContext, type ServiceDefinition } from '../definition';
import { sponsoredWorker, sponsorshipRules } from '../transfers/sponsorship';
import { exitChecks, iqamaDaysLeft } from './shared';

const rules = {
  iqama_validity_too_short: {
    ar: 'المدة المتبقية على الإقامة أقل من الحد الأدنى المطلوب لتأشيرة الخروج النهائي؛ جدّد الإقامة أولاً.',
    en: 'The iqama has less time left than a final exit visa requires; renew the iqama first.',
  },
  unpaid_traffic_fines: { ar: 'توجد مخالفات مرورية غير مسددة؛ سددها أولاً.', en: 'There are unpaid traffic fines; pay them first.' },
  travel_ban: { ar: 'يوجد منع من السفر على هذا الشخص.', en: 'This person is banned from travel.' },
  open_final_exit_visa: { ar: 'توجد تأشيرة خروج نهائي سارية لهذا الشخص.', en: 'This person already has an open final exit visa.' },
  open_exit_reentry_visa: {
    ar: 'توجد تأشيرة خروج وعودة سارية أو طلب لها؛ تُلغى أو تنتهي أولاً حتى لا يحمل المقيم تأشيرتي خروج.',
    en: 'An exit and re-entry visa is open or applied for; it must be cancelled or end first, so that the resident never holds two exit visas.',
  },
  ...sponsorshipRules,
} as const;

const input = z.strictObject({});
type Input = z.infer<typeof input>;

/**
 * How many days the visa lasts with `iqamaDaysLeft` days of iqama left, or null when the
 * iqama is too short: the remaining days up to the standard validity, the standard beyond.
 */
export function finalExitValidityDays(iqamaDaysLeft: number | null, limits: { minIqamaDays: number; standardDays: number }): number | null {
  if (iqamaDaysLeft === null || iqamaDaysLeft < limits.minIqamaDays) return null;
  return Math.min(iqamaDaysLeft, limits.standardDays);
}

function limitsOf(ctx: ServiceContext) {
  return { minIqamaDays: ctx.params.get('min_iqama_validity_days'), standardDays: ctx.params.get('standard_validity_days') };
}


export const finalExitVisa: ServiceDefinition<Input> = {
  code: 'final_exit_visa',
  name: { ar: 'تأشيرة خروج نهائي', en: 'Final exit visa' },
  description: {
    ar: 'إصدار تأشيرة خروج نهائي لمقيم من التابعين أو العمالة المنزلية أو عمال المنشأة، دون رسوم. مدتها ستون يوماً، أو ما بقي من الإقامة إن كان بين ثلاثين وستين يوماً.',
    en: 'Issue a final exit visa for a resident dependent, domestic worker or establishment worker, free of charge. It lasts 60 days, or the days left on the iqama when 30 to 60 remain.',
  },
  beneficiaryKinds: ['resident'],
  relations: ['family', 'domestic_worker', 'establishment_worker'],
  delegable: true,
  input,
  rules,
  async eligibility(ctx) {
    const refusals: Refusal[] = [];
    const limits = limitsOf(ctx);
    const daysLeft = iqamaDaysLeft(ctx);
    if (finalExitValidityDays(daysLeft, limits) === null) refusals.push(refuse(rules, 'iqama_validity_too_short', { daysLeft, minDays: limits.minIqamaDays }));
    const checks = await exitChecks(ctx);
    if (checks.fines > 0) refusals.push(refuse(rules, 'unpaid_traffic_fines', { totalHalalas: checks.fines }));
    if (checks.banned) refusals.push(refuse(rules, 'travel_ban'));
    if (checks.finalExitVisa) refusals.push(refuse(rules, 'open_final_exit_visa'));
    if (checks.exitReentryVisa || checks.exitReentryAsked) refusals.push(refuse(rules, 'open_exit_reentry_visa'));
    return refusals;
  },
  fee: () => [],
  conflictKey: (ctx) => `final_exit_visa:${ctx.beneficiary.idNumber}`,
  // An establishment's application is decided under its worker's sponsorship lock, in a
  // transaction; anyone else's is still issued in one statement.
  exclusive: sponsoredWorker<Input>(),
  issue(ex, ctx, _input, requestId) {
    // Eligibility was checked again just before: the iqama is long enough.
    const validityDays = finalExitValidityDays(iqamaDaysLeft(ctx), limitsOf(ctx))!;
    const number = `FE${String(randomInt(0, 1e10)).padStart(10, '0')}`;
    const expiresOn = addDays(ctx.today, validityDays);
    const insert = insertInto(ex, documents, {
      id: newId(),
      kind: 'final_exit_visa',
      number,
      holderIdNumber: ctx.beneficiary.idNumber,
      issuedOn: ctx.today,
      expiresOn,
      status: 'valid',
      details: { validityDays },
      requestId,
      createdAt: ctx.now,
    });
    return { produced: { documents: [{ kind: 'final_exit_visa', number, issuedOn: ctx.today, expiresOn }], summary: { validityDays } }, writes: [insert] };
  },
};
