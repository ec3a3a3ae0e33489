// Renewing a citizen's Saudi passport, valid or expired: by the citizen, the head of their
// family, or a delegate of either. The old passport is replaced by the new one.
import { refuse, type ServiceDefinition } from '../definition';
import {
  commonRefusals,
  passportConflictKey,
  passportConsentFrom,
  passportFee,
  passportFeeLabels,
  passportInput,
  passportOnFile,
  passportRules,
  producePassport,
  recordPassportInRegistry,
  type PassportInput,
} from './shared';

const rules = {
  no_passport_to_renew: { ar: 'لا يوجد جواز سفر سابق لتجديده؛ استخدم خدمة إصدار جواز السفر.', en: 'There is no passport to renew; use the passport issue service.' },
  ...passportRules,
} as const;

export const passportRenew: ServiceDefinition<PassportInput> = {
  code: 'passport_renew',
  name: { ar: 'تجديد جواز سفر سعودي', en: 'Renew a Saudi passport' },
  description: {
    ar: 'تجديد جواز سفر المواطن لمدة خمس سنوات أو عشر، يُرسل بالبريد أو يُستلم من مكتب الجوازات. من هو دون سن الموافقة في الجدول المعتمد يحتاج موافقة ولي أمره إلا المتزوج والطالب المبتعث.',
    en: 'Renew a citizen’s passport for 5 or 10 years; posted or collected at a passports office. Applicants below the consent age in the published schedule need their guardian’s consent unless married or studying abroad.',
  },
  beneficiaryKinds: ['citizen'],
  relations: ['self', 'family'],
  delegable: true,
  input: passportInput,
  rules,
  async eligibility(ctx, i) {
    const refusals = [];
    if (!(await passportOnFile(ctx.db, ctx.beneficiary))) refusals.push(refuse(rules, 'no_passport_to_renew'));
    refusals.push(...(await commonRefusals(ctx, i)));
    return refusals;
  },
  fee: passportFee,
  feeLabels: passportFeeLabels,
  conflictKey: passportConflictKey,
  consentFrom: passportConsentFrom,
  fulfil: producePassport,
  afterIssue: (ctx, _i, produced) => recordPassportInRegistry(ctx, produced),
};
