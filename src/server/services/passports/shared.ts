// What issuing and renewing a Saudi passport have in common: the application's fields, the
// published conditions (fingerprints on file from the age of 12, the guardian's consent under
// 21 unless married or a student abroad), the dated fee, and the passport the directorate
// produces. Issue and renewal differ only in whether a passport must already be held.
import { randomInt } from 'node:crypto';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { addYears, ageOn } from '../../../domain/calendar';
import type { Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { documents, offices } from '../../db/schema';
import { newId } from '../../platform/crypto';
import type { RegistryPerson } from '../../adapters/population-registry/port';
import { RuleRefusal } from '../engine/refusals';
import { refuse, type FeeLine, type Produced, type Refusal, type ServiceContext, type Text } from '../definition';

export const passportInput = z.strictObject({
  validityYears: z.literal([5, 10]).describe('how many years the passport is valid: 5 or 10'),
  delivery: z
    .discriminatedUnion('method', [
      z.strictObject({ method: z.literal('post') }),
      z.strictObject({ method: z.literal('collect'), officeId: z.string().min(1).max(64).describe('the passports office to collect from (see the offices)') }),
    ])
    .describe('posted to the national address, or collected at a passports office'),
  studentAbroad: z
    .boolean()
    .optional()
    .describe(
      'the applicant studies abroad, which waives the guardian’s consent under the consent age; the passport must then be collected at an office, where the officer checks the claim',
    ),
});
export type PassportInput = z.infer<typeof passportInput>;

export const passportRules = {
  unknown_office: { ar: 'مكتب الجوازات المختار للاستلام غير موجود.', en: 'The passports office chosen for collection does not exist.' },
  fingerprints_missing: {
    ar: 'لا توجد بصمات مسجّلة لصاحب الجواز، وهي مطلوبة في سنّه؛ تُؤخذ البصمات في أحد مكاتب الجوازات.',
    en: 'No fingerprints are on file for the passport holder, and they are required at this age; have them taken at a passports office.',
  },
  no_guardian_on_record: {
    ar: 'يحتاج من هو دون السن المحددة إلى موافقة ولي أمره، ولا يوجد رب أسرة مسجّل له؛ يتقدم ولي الأمر بالطلب أو يراجع صاحب الطلب مكتب الجوازات.',
    en: 'Applicants under the set age need their guardian’s consent, and no head of family is registered for this applicant; the guardian should apply, or the applicant should visit a passports office.',
  },
  student_abroad_collect_only: {
    ar: 'من أُعفي من موافقة ولي الأمر لأنه طالب مبتعث يستلم جوازه من مكتب الجوازات، حيث يتحقق الموظف من ذلك.',
    en: 'An applicant exempted from the guardian’s consent as a student abroad collects the passport at a passports office, where the officer checks the claim.',
  },
} as const;

export type PassportOnFile = { number: string; issuedOn: string; expiresOn: string };

/**
 * The person's current passport: the registry's, or the one the platform recorded if it is
 * newer, because the registry is told only after the commit and may not have heard yet.
 */
export async function passportOnFile(db: Executor, person: RegistryPerson): Promise<PassportOnFile | null> {
  const [own] = await db
    .select({ number: documents.number, issuedOn: documents.issuedOn, expiresOn: documents.expiresOn })
    .from(documents)
    .where(and(eq(documents.holderIdNumber, person.idNumber), eq(documents.kind, 'passport'), eq(documents.status, 'valid')))
    .orderBy(desc(documents.expiresOn))
    .limit(1);
  const registry = person.passport;
  if (!own) return registry;
  if (!registry) return own;
  return own.expiresOn > registry.expiresOn ? own : registry;
}

/** A document is valid on a day it has not yet reached its expiry (the expiry day itself is too late), as for iqamas. */
export function validOn(expiresOn: string, today: string): boolean {
  return expiresOn > today;
}

function ageOfBeneficiary(ctx: ServiceContext): number {
  return ageOn(ctx.beneficiary.birthDate, ctx.today);
}

/** Under the consent age a minor's own application needs a guardian; married applicants and students abroad are exempt. */
function consentWaived(ctx: ServiceContext, i: PassportInput): 'not_needed' | 'student_abroad' | null {
  // A head of family applying (himself or through a delegate) is the guardian: his application is the consent.
  if (ctx.relation !== 'self') return 'not_needed';
  if (ageOfBeneficiary(ctx) >= ctx.params.get('consent_below_age_years')) return 'not_needed';
  if (ctx.beneficiary.maritalStatus === 'married') return 'not_needed';
  if (i.studentAbroad === true) return 'student_abroad';
  return null;
}

/** The heads of family the beneficiary is registered under as a son or daughter. */
async function guardiansOf(ctx: ServiceContext): Promise<string[]> {
  const links = await ctx.agencies.registry.headsOf(ctx.beneficiary.idNumber);
  return [...new Set(links.filter((l) => l.relation === 'son' || l.relation === 'daughter').map((l) => l.headIdNumber))];
}

/** The conditions issue and renewal share, after the service's own passport condition. */
export async function commonRefusals(ctx: ServiceContext, i: PassportInput): Promise<Refusal[]> {
  const refusals: Refusal[] = [];
  if (i.delivery.method === 'collect') {
    const [office] = await ctx.db.select({ id: offices.id }).from(offices).where(eq(offices.id, i.delivery.officeId)).limit(1);
    if (!office) refusals.push(refuse(passportRules, 'unknown_office', { officeId: i.delivery.officeId }));
  }
  const fromAge = ctx.params.get('fingerprints_from_age_years');
  if (ageOfBeneficiary(ctx) >= fromAge && !(await ctx.agencies.registry.hasFingerprints(ctx.beneficiary.idNumber))) {
    refusals.push(refuse(passportRules, 'fingerprints_missing', { fromAgeYears: fromAge }));
  }
  const waived = consentWaived(ctx, i);
  // The student-abroad claim cannot be checked online; collection at an office is where it is.
  if (waived === 'student_abroad' && i.delivery.method !== 'collect') refusals.push(refuse(passportRules, 'student_abroad_collect_only'));
  if (waived === null && (await guardiansOf(ctx)).length === 0) {
    refusals.push(refuse(passportRules, 'no_guardian_on_record', { belowAgeYears: ctx.params.get('consent_below_age_years') }));
  }
  return refusals;
}

export async function passportConsentFrom(ctx: ServiceContext, i: PassportInput): Promise<string[] | null> {
  if (consentWaived(ctx, i) !== null) return null;
  const guardians = await guardiansOf(ctx);
  // Eligibility has just found a guardian; an empty list here would leave a request nobody can approve.
  if (guardians.length === 0) throw new RuleRefusal([refuse(passportRules, 'no_guardian_on_record')]);
  return guardians;
}

export const passportFeeLabels = {
  validity_5_years: { ar: 'جواز صالح 5 سنوات', en: 'Passport valid 5 years' },
  validity_10_years: { ar: 'جواز صالح 10 سنوات', en: 'Passport valid 10 years' },
} as const satisfies Record<`validity_${PassportInput['validityYears']}_years`, Text>;

export function passportFee(ctx: ServiceContext, i: PassportInput): FeeLine[] {
  return [{ key: `validity_${i.validityYears}_years`, amountHalalas: ctx.params.get(`fee_${i.validityYears}_years_halalas`), quantity: 1 }];
}

/** Issue and renewal share the key: one open passport request per person, whichever service it is. */
export function passportConflictKey(ctx: ServiceContext): string {
  return `passport:${ctx.beneficiary.idNumber}`;
}

function newPassportNumber(): string {
  return String.fromCharCode(65 + randomInt(0, 26)) + String(randomInt(0, 100_000_000)).padStart(8, '0');
}

/**
 * The new passport, and the holder's previous one (if the platform recorded it) marked as
 * replaced. Inside the fulfilment's transaction: own rows only.
 */
export async function producePassport(tx: Executor, ctx: ServiceContext, i: PassportInput, requestId: string): Promise<Produced> {
  const holder = ctx.beneficiary.idNumber;
  const previous = await passportOnFile(tx, ctx.beneficiary);
  const issuedOn = ctx.today;
  const expiresOn = addYears(issuedOn, i.validityYears);
  const id = newId();
  let number: string;
  for (let attempt = 0; ; attempt++) {
    number = newPassportNumber();
    try {
      // A savepoint, so that a (rare) number already taken does not abort the fulfilment.
      await tx.transaction(async (sp) => {
        await sp.insert(documents).values({
          id,
          kind: 'passport',
          number,
          holderIdNumber: holder,
          issuedOn,
          expiresOn,
          status: 'valid',
          details: {
            validityYears: i.validityYears,
            delivery: i.delivery,
            previousNumber: previous?.number ?? null,
            // The officer handing the passport over checks this claim.
            ...(i.studentAbroad ? { studentAbroadClaimed: true } : {}),
          },
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
  const replaced = await markReplaced(tx, holder, id, number);
  return {
    documents: [{ kind: 'passport', number, issuedOn, expiresOn }],
    summary: { validityYears: i.validityYears, delivery: i.delivery, replaced: replaced.map((r) => r.number) },
  };
}

/** Every other passport the platform holds as valid for this person is replaced by the new one. */
export async function markReplaced(tx: Executor, holder: string, newDocumentId: string, newNumber: string) {
  return tx
    .update(documents)
    .set({ status: 'replaced', details: sql`${documents.details} || ${JSON.stringify({ replacedBy: newNumber })}::jsonb` })
    .where(and(eq(documents.holderIdNumber, holder), eq(documents.kind, 'passport'), eq(documents.status, 'valid'), ne(documents.id, newDocumentId)))
    .returning({ number: documents.number });
}

/** Points the registry to the passport produced; the same call twice leaves the same record. */
export async function recordPassportInRegistry(ctx: ServiceContext, produced: Produced): Promise<void> {
  const passport = produced.documents.find((d) => d.kind === 'passport');
  if (!passport) return;
  await ctx.agencies.registry.recordPassport(ctx.beneficiary.idNumber, { number: passport.number, issuedOn: passport.issuedOn, expiresOn: passport.expiresOn });
}
