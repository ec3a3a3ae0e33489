// Issuing a Saudi passport to a citizen who holds no valid one (a first passport, or one that
// has expired): by the citizen, the head of their family, or a delegate of either.
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
  validOn,
  type PassportInput,
} from './shared';

const rules = {
  passport_already_valid: { ar: 'لصاحب الطلب جواز سفر ساري المفعول؛ استخدم خدمة تجديد الجواز.', en: 'The holder already has a valid passport; use the passport renewal service.' },
  ...passportRules,
} as const;

export const passportIssue: ServiceDefinition<PassportInput> = {
  code: 'passport_issue',
  name: { ar: 'إصدار جواز سفر سعودي', en: 'Issue a Saudi passport' },
  description: {
    ar: 'إصدار جواز سفر لمواطن ليس لديه جواز ساري المفعول، لمدة خمس سنوات أو عشر، يُرسل بالبريد أو يُستلم من مكتب الجوازات. من هو دون سن الموافقة في الجدول المعتمد يحتاج موافقة ولي أمره إلا المتزوج والطالب المبتعث.',
    en: 'Issue a passport, valid 5 or 10 years, to a citizen without a valid one; posted or collected at a passports office. Applicants below the consent age in the published schedule need their guardian’s consent unless married or studying abroad.',
  },
  beneficiaryKinds: ['citizen'],
  relations: ['self', 'family'],
  delegable: true,
  input: passportInput,
  rules,
  async eligibility(ctx, i) {
    const refusals = [];
    const held = await passportOnFile(ctx.db, ctx.beneficiary);
    if (held && validOn(held.expiresOn, ctx.today)) refusals.push(refuse(rules, 'passport_already_valid', { expiresOn: held.expiresOn }));
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
