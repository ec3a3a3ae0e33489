// Exit and re-entry visa for a resident: a dependent, a domestic worker, or a worker of an
// establishment (applied for by its owner or authorized staff). Published conditions: passport valid
// at least 90 days, a valid iqama, no unpaid traffic fines, no travel ban, no other open
// exit/re-entry visa. Fees: single SR200 for up to 2 months + SR100 each extra month;
// multiple SR500 for up to 3 months + SR200 each extra month (dated parameters).
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { addMonths } from '../../../domain/calendar';
import { documents } from '../../db/schema';
import { insertInto } from '../../db/writes';
import { newId } from '../../platform/crypto';
import { refuse, type FeeLine, type ServiceDefinition } from '../definition';
import { sponsoredWorker, sponsorshipRules } from '../transfers/sponsorship';
import { exitChecks, iqamaDaysLeft, passportDaysLeft } from './shared';

const rules = {
  passport_validity_too_short: { ar: 'يجب أن يكون جواز السفر سارياً 90 يوماً على الأقل.', en: 'The passport must be valid for at least 90 days.' },
  iqama_not_valid: { ar: 'يجب أن تكون الإقامة سارية.', en: 'The iqama must be valid.' },
  unpaid_traffic_fines: { ar: 'توجد مخالفات مرورية غير مسددة؛ سددها أولاً.', en: 'There are unpaid traffic fines; pay them first.' },
  travel_ban: { ar: 'يوجد منع من السفر على هذا الشخص.', en: 'This person is banned from travel.' },
  open_exit_reentry_visa: { ar: 'توجد تأشيرة خروج وعودة سارية لم تُستخدم.', en: 'There is already an open exit and re-entry visa.' },
  final_exit_visa_open: { ar: 'توجد تأشيرة خروج نهائي سارية أو طلب لها؛ لا تُصدر معها تأشيرة خروج وعودة.', en: 'A final exit visa is open or applied for; no exit and re-entry visa can be issued beside it.' },
  duration_too_long: { ar: 'مدة التأشيرة أطول من المسموح.', en: 'The visa duration is longer than allowed.' },
  ...sponsorshipRules,
} as const;

const input = z.strictObject({
  type: z.enum(['single', 'multiple']).describe('single or multiple journeys'),
  durationMonths: z.number().int().min(1).describe('how many months the visa lasts'),
});
type Input = z.infer<typeof input>;

export const exitReentryVisa: ServiceDefinition<Input> = {
  code: 'exit_reentry_visa',
  name: { ar: 'تأشيرة خروج وعودة', en: 'Exit and re-entry visa' },
  description: {
    ar: 'إصدار تأشيرة خروج وعودة (مفردة أو متعددة) لمقيم من التابعين أو العمالة المنزلية أو عمال المنشأة.',
    en: 'Issue a single or multiple exit and re-entry visa for a resident dependent, domestic worker or establishment worker.',
  },
  beneficiaryKinds: ['resident'],
  relations: ['family', 'domestic_worker', 'establishment_worker'],
  delegable: true,
  input,
  rules,
  async eligibility(ctx, i) {
    const refusals = [];
    const passportDays = passportDaysLeft(ctx);
    if (passportDays === null || passportDays < ctx.params.get('min_passport_validity_days')) refusals.push(refuse(rules, 'passport_validity_too_short', { daysLeft: passportDays }));
    const iqamaDays = iqamaDaysLeft(ctx);
    if (iqamaDays === null || iqamaDays < 1) refusals.push(refuse(rules, 'iqama_not_valid'));
    if (i.durationMonths > ctx.params.get('max_duration_months')) refusals.push(refuse(rules, 'duration_too_long', { maxMonths: ctx.params.get('max_duration_months') }));
    const checks = await exitChecks(ctx);
    if (checks.fines > 0) refusals.push(refuse(rules, 'unpaid_traffic_fines', { totalHalalas: checks.fines }));
    if (checks.banned) refusals.push(refuse(rules, 'travel_ban'));
    if (checks.exitReentryVisa) refusals.push(refuse(rules, 'open_exit_reentry_visa'));
    if (checks.finalExitVisa || checks.finalExitAsked) refusals.push(refuse(rules, 'final_exit_visa_open'));
    return refusals;
  },
  feeLabels: {
    single_base: { ar: 'تأشيرة مفردة (المدة الأساسية)', en: 'Single visa (base period)' },
    single_extra_month: { ar: 'تأشيرة مفردة (كل شهر إضافي)', en: 'Single visa (each extra month)' },
    multiple_base: { ar: 'تأشيرة متعددة (المدة الأساسية)', en: 'Multiple visa (base period)' },
    multiple_extra_month: { ar: 'تأشيرة متعددة (كل شهر إضافي)', en: 'Multiple visa (each extra month)' },
  },
  fee(ctx, i) {
    const p = (k: string) => ctx.params.get(`${i.type}_${k}`);
    const lines: FeeLine[] = [{ key: `${i.type}_base`, amountHalalas: p('base_halalas'), quantity: 1 }];
    const extra = Math.max(0, i.durationMonths - p('base_months'));
    if (extra > 0) lines.push({ key: `${i.type}_extra_month`, amountHalalas: p('extra_month_halalas'), quantity: extra });
    return lines;
  },
  conflictKey: (ctx) => `exit_reentry_visa:${ctx.beneficiary.idNumber}`,
  // An establishment's application is decided under its worker's sponsorship lock, in a
  // transaction; anyone else's is still issued in one statement.
  exclusive: sponsoredWorker<Input>(),
  issue(ex, ctx, i, requestId) {
    const number = `${i.type === 'single' ? 'ER' : 'EM'}${String(randomInt(0, 1e10)).padStart(10, '0')}`;
    const expiresOn = addMonths(ctx.today, i.durationMonths);
    const insert = insertInto(ex, documents, {
      id: newId(),
      kind: 'exit_reentry_visa',
      number,
      holderIdNumber: ctx.beneficiary.idNumber,
      issuedOn: ctx.today,
      expiresOn,
      status: 'valid',
      details: { type: i.type, durationMonths: i.durationMonths },
      requestId,
      createdAt: ctx.now,
    });
    return { produced: { documents: [{ kind: 'exit_reentry_visa', number, issuedOn: ctx.today, expiresOn }], summary: { type: i.type, durationMonths: i.durationMonths } }, writes: [insert] };
  },
};
