// Issuing a first iqama to a resident inside the kingdom: a worker of an establishment (by its
// owner or authorized staff), a domestic worker (by their sponsor) or a dependant (by the head
// of family). Published conditions: medical examination passed (health ministry), medical
// insurance, a work permit for workers (labour ministry), a valid passport, no "absent from
// work" report. Fee: SR650 a year; an establishment's workers may take 1 to 4 quarters.
import { refuse, type Refusal, type ServiceDefinition } from '../definition';
import { sponsoredWorker, sponsorshipRules } from '../transfers/sponsorship';
import { commonRefusals, expiryAfter, iqamaFeeLabels, iqamaInput, iqamaOnFile, iqamaRules, periodFee, produceIqama, recordIqamaInRegistry, type IqamaInput } from './shared';

const rules = {
  iqama_already_issued: { ar: 'لهذا المقيم إقامة صادرة؛ استخدم خدمة تجديد الإقامة.', en: 'This resident already has an iqama; use the iqama renewal service.' },
  medical_exam_missing: {
    ar: 'لا توجد نتيجة فحص طبي لدى وزارة الصحة؛ يُجرى الفحص في أحد المراكز المعتمدة.',
    en: 'The health ministry holds no medical examination result; have the examination done at an approved centre.',
  },
  medical_exam_not_passed: { ar: 'نتيجة الفحص الطبي لدى وزارة الصحة غير لائق.', en: 'The medical examination recorded by the health ministry was not passed.' },
  no_medical_insurance: { ar: 'لا يوجد تأمين طبي ساري المفعول اليوم.', en: 'No medical insurance covers today.' },
  ...iqamaRules,
  ...sponsorshipRules,
} as const;

export const iqamaIssue: ServiceDefinition<IqamaInput> = {
  code: 'iqama_issue',
  name: { ar: 'إصدار إقامة (أول مرة)', en: 'Issue an iqama (first time)' },
  description: {
    ar: 'إصدار أول إقامة لمقيم داخل المملكة: عامل المنشأة أو العمالة المنزلية أو التابع. يلزم اجتياز الفحص الطبي وتأمين طبي ساري ورخصة عمل للعمالة وجواز ساري، وتُستلم البطاقة من مكتب الجوازات المختار. للعمالة أن تختار من ربع إلى أربعة أرباع.',
    en: 'Issue the first iqama of a resident inside the kingdom: an establishment’s worker, a domestic worker or a dependant. Needs a passed medical examination, medical insurance in force, a work permit for workers and a valid passport; the card is collected at the chosen passports office. Workers may take 1 to 4 quarters.',
  },
  beneficiaryKinds: ['resident'],
  relations: ['establishment_worker', 'family', 'domestic_worker'],
  delegable: true,
  input: iqamaInput,
  rules,
  async eligibility(ctx, i) {
    const refusals: Refusal[] = [];
    if (await iqamaOnFile(ctx.db, ctx.beneficiary)) refusals.push(refuse(rules, 'iqama_already_issued'));
    const medical = await ctx.agencies.health.medicalRecord(ctx.beneficiary.idNumber);
    if (!medical.exam) refusals.push(refuse(rules, 'medical_exam_missing'));
    else if (medical.exam.result !== 'fit') refusals.push(refuse(rules, 'medical_exam_not_passed', { examinedOn: medical.exam.examinedOn }));
    // Insurance covers a day up to and including its last day.
    if (!medical.insuredUntil || medical.insuredUntil < ctx.today) refusals.push(refuse(rules, 'no_medical_insurance', { insuredUntil: medical.insuredUntil }));
    refusals.push(...(await commonRefusals(ctx, i)));
    return refusals;
  },
  fee: periodFee,
  feeLabels: iqamaFeeLabels,
  conflictKey: (ctx) => `iqama_issue:${ctx.beneficiary.idNumber}`,
  exclusive: sponsoredWorker<IqamaInput>(),
  fulfil: (tx, ctx, i, requestId) => produceIqama(tx, ctx, i, requestId, { expiresOn: expiryAfter(ctx.today, ctx, i), previousExpiresOn: null }),
  afterIssue: (ctx, _i, produced) => recordIqamaInRegistry(ctx, produced),
};
