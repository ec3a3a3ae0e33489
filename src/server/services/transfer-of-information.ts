// Transfer of information: a resident renewed their passport at their embassy, and the new
// passport's details replace the old one's on the iqama. Applied for by the sponsor (a head of
// family, a person employing a domestic worker, or an establishment through its owner or
// authorized staff) or the resident themself; free.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { toAsciiDigits } from '../../domain/digits';
import { documents } from '../db/schema';
import { isoDateSchema } from '../http/schemas';
import { newId } from '../platform/crypto';
import { refuse, type Refusal, type ServiceDefinition } from './definition';
import { sponsoredWorker, sponsorshipRules } from './transfers/sponsorship';
import { markReplaced, passportOnFile, recordPassportInRegistry, validOn } from './passports/shared';

const rules = {
  same_passport_as_on_file: { ar: 'جواز السفر المدخل هو الجواز المسجّل حالياً.', en: 'This passport is the one already on file.' },
  passport_previously_recorded: { ar: 'سُجّل هذا الجواز من قبل ثم استُبدل بغيره.', en: 'This passport was recorded before and has since been replaced.' },
  passport_number_in_use: { ar: 'رقم الجواز مسجّل لشخص آخر؛ تحقق من الرقم.', en: 'This passport number is recorded for another person; check the number.' },
  new_passport_dates_inverted: { ar: 'يجب أن يسبق تاريخ إصدار الجواز تاريخ انتهائه.', en: 'The passport’s issue date must come before its expiry date.' },
  new_passport_issued_in_future: { ar: 'تاريخ إصدار الجواز لم يحن بعد.', en: 'The passport’s issue date is in the future.' },
  new_passport_expired: { ar: 'الجواز الجديد منتهي الصلاحية.', en: 'The new passport has expired.' },
  new_passport_not_later: { ar: 'يجب أن ينتهي الجواز الجديد بعد الجواز الحالي.', en: 'The new passport must expire after the current one.' },
  ...sponsorshipRules,
} as const;

const input = z.strictObject({
  passportNumber: z
    .string()
    .max(40)
    // Numbers are typed with Arabic-Indic digits too, and read aloud with spaces.
    .transform((v) => toAsciiDigits(v).replace(/\s+/g, '').toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9]{5,20}$/, 'letters and digits, 5 to 20'))
    .describe('the new passport’s number, as printed'),
  issuedOn: isoDateSchema.describe('the new passport’s issue date (YYYY-MM-DD)'),
  expiresOn: isoDateSchema.describe('the new passport’s expiry date (YYYY-MM-DD)'),
});
type Input = z.infer<typeof input>;

export const transferOfInformation: ServiceDefinition<Input> = {
  code: 'transfer_of_information',
  name: { ar: 'نقل معلومات الجواز', en: 'Transfer of information to a new passport' },
  description: {
    ar: 'تسجيل جواز السفر الجديد للمقيم بعد تجديده لدى سفارة بلده، فتحل بياناته محل بيانات الجواز القديم في الإقامة. دون رسوم.',
    en: 'Record a resident’s new passport, renewed at their embassy, so that its details replace the old passport’s on the iqama. Free of charge.',
  },
  beneficiaryKinds: ['resident'],
  relations: ['self', 'family', 'domestic_worker', 'establishment_worker'],
  delegable: true,
  input,
  rules,
  async eligibility(ctx, i) {
    const refusals: Refusal[] = [];
    const current = await passportOnFile(ctx.db, ctx.beneficiary);
    const recorded = await ctx.db
      .select({ holder: documents.holderIdNumber, status: documents.status })
      .from(documents)
      .where(and(eq(documents.kind, 'passport'), eq(documents.number, i.passportNumber)));
    const own = recorded.find((d) => d.holder === ctx.beneficiary.idNumber);
    if (current?.number === i.passportNumber || own?.status === 'valid') refusals.push(refuse(rules, 'same_passport_as_on_file'));
    else if (own) refusals.push(refuse(rules, 'passport_previously_recorded'));
    if (recorded.some((d) => d.holder !== ctx.beneficiary.idNumber)) refusals.push(refuse(rules, 'passport_number_in_use'));
    if (i.issuedOn >= i.expiresOn) refusals.push(refuse(rules, 'new_passport_dates_inverted'));
    if (i.issuedOn > ctx.today) refusals.push(refuse(rules, 'new_passport_issued_in_future'));
    if (!validOn(i.expiresOn, ctx.today)) refusals.push(refuse(rules, 'new_passport_expired'));
    if (current && i.expiresOn <= current.expiresOn) refusals.push(refuse(rules, 'new_passport_not_later', { currentExpiresOn: current.expiresOn }));
    return refusals;
  },
  fee: () => [],
  conflictKey: (ctx) => `transfer_of_information:${ctx.beneficiary.idNumber}`,
  exclusive: sponsoredWorker<Input>(),
  async fulfil(tx, ctx, i, requestId) {
    const holder = ctx.beneficiary.idNumber;
    const previous = await passportOnFile(tx, ctx.beneficiary);
    const id = newId();
    await tx.insert(documents).values({
      id,
      kind: 'passport',
      number: i.passportNumber,
      holderIdNumber: holder,
      issuedOn: i.issuedOn,
      expiresOn: i.expiresOn,
      status: 'valid',
      details: { recordedBy: 'transfer_of_information', previousNumber: previous?.number ?? null },
      requestId,
      createdAt: ctx.now,
    });
    const replaced = await markReplaced(tx, holder, id, i.passportNumber);
    // The old passport may be known only to the registry (issued abroad): record it, as replaced.
    if (previous && !replaced.some((r) => r.number === previous.number)) {
      await tx
        .insert(documents)
        .values({
          id: newId(),
          kind: 'passport',
          number: previous.number,
          holderIdNumber: holder,
          issuedOn: previous.issuedOn,
          expiresOn: previous.expiresOn,
          status: 'replaced',
          details: { recordedBy: 'transfer_of_information', replacedBy: i.passportNumber },
          requestId,
          createdAt: ctx.now,
        })
        .onConflictDoNothing();
    }
    return {
      documents: [{ kind: 'passport', number: i.passportNumber, issuedOn: i.issuedOn, expiresOn: i.expiresOn }],
      summary: { previousNumber: previous?.number ?? null },
    };
  },
  afterIssue: (ctx, _i, produced) => recordPassportInRegistry(ctx, produced),
};
