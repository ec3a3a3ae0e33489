// Registration, as the directorate published it: the applicant's data and the terms →
// the SMS code → the password. The code is sent only once the identity number, birth date
// and mobile all match the population registry.
import { and, desc, eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { accounts, registrations, termsVersions } from '../../db/schema';
import { AppError, type Language } from '../../errors';
import { checkPassword } from '../../../domain/password-policy';
import { audit, type AuditChannel } from '../../platform/audit';
import { addMs, MINUTE } from '../../platform/clock';
import { newId } from '../../platform/crypto';
import { isUniqueViolation } from '../../db/errors';
import { createChallenge, findChallengeForRegistration, resendChallenge, verifyCode, codeContext as ctx } from '../challenges';
import { isCommonPassword } from '../passwords/common-passwords';
import { noticeMessage } from '../sms/messages';

export const REGISTRATION_TTL_MS = 30 * MINUTE;

export type RequestMeta = { requestId: string; channel: AuditChannel };

export type StartRegistration = {
  idNumber: string;
  birthDate: string;
  mobile: string;
  username: string;
  email?: string | undefined;
  language: Language;
  acceptTerms: boolean;
};

type Registration = typeof registrations.$inferSelect;

export async function startRegistration(deps: Deps, input: StartRegistration, meta: RequestMeta) {
  if (!input.acceptTerms) throw new AppError('terms_not_accepted');
  const person = await deps.registry.findPerson(input.idNumber);
  if (!person) throw new AppError('identity_not_found');
  if (person.birthDate !== input.birthDate) throw new AppError('birth_date_mismatch');
  if (person.mobile !== input.mobile) throw new AppError('mobile_mismatch');
  const db = deps.database.db;
  const username = input.username.toLowerCase();

  const result = await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.idNumber, input.idNumber)).limit(1);
    if (existing) throw new AppError('identity_already_registered');
    const [taken] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username)).limit(1);
    if (taken) throw new AppError('username_taken');
    const [terms] = await tx.select({ version: termsVersions.version }).from(termsVersions).orderBy(desc(termsVersions.version)).limit(1);
    const now = deps.clock.now();
    const id = newId();
    const expiresAt = addMs(now, REGISTRATION_TTL_MS);
    await tx.insert(registrations).values({
      id,
      idNumber: input.idNumber,
      birthDate: input.birthDate,
      mobile: input.mobile,
      username,
      email: input.email ?? null,
      language: input.language,
      termsVersion: terms!.version,
      status: 'pending',
      createdAt: now,
      expiresAt,
    });
    const { smsId } = await createChallenge(tx, ctx(deps), { purpose: 'registration', mobile: input.mobile, language: input.language, registrationId: id });
    await audit(tx, {
      at: now,
      action: 'registration.started',
      actor: { kind: 'anonymous' },
      channel: meta.channel,
      requestId: meta.requestId,
      details: { registrationId: id, termsVersion: terms!.version },
    });
    return { id, expiresAt, smsId };
  });
  await deps.outbox.deliver(result.smsId ? [result.smsId] : []);
  return { registrationId: result.id, expiresAt: result.expiresAt };
}

async function getOpenRegistration(deps: Deps, id: string): Promise<Registration> {
  const [reg] = await deps.database.db.select().from(registrations).where(eq(registrations.id, id)).limit(1);
  if (!reg) throw new AppError('registration_not_found');
  if (reg.status === 'completed') throw new AppError('registration_completed');
  if (reg.expiresAt <= deps.clock.now()) throw new AppError('registration_expired');
  return reg;
}

export async function verifyRegistration(deps: Deps, id: string, code: string, meta: RequestMeta) {
  const reg = await getOpenRegistration(deps, id);
  if (reg.status === 'verified') throw new AppError('registration_already_verified');
  const challenge = await findChallengeForRegistration(deps.database.db, id);
  if (!challenge) throw new AppError('registration_not_found');
  await verifyCode(deps.database.db, ctx(deps), challenge.id, 'registration', code);
  await deps.database.db.transaction(async (tx) => {
    const now = deps.clock.now();
    await tx
      .update(registrations)
      .set({ status: 'verified', verifiedAt: now })
      .where(and(eq(registrations.id, id), eq(registrations.status, 'pending')));
    await audit(tx, {
      at: now,
      action: 'registration.mobile_verified',
      actor: { kind: 'anonymous' },
      channel: meta.channel,
      requestId: meta.requestId,
      details: { registrationId: id },
    });
  });
  return { verified: true as const };
}

export async function resendRegistrationCode(deps: Deps, id: string) {
  const reg = await getOpenRegistration(deps, id);
  if (reg.status === 'verified') throw new AppError('registration_already_verified');
  const challenge = await findChallengeForRegistration(deps.database.db, id);
  if (!challenge) throw new AppError('registration_not_found');
  const { smsId, nextResendAt } = await deps.database.db.transaction((tx) => resendChallenge(tx, ctx(deps), challenge, reg.language));
  await deps.outbox.deliver(smsId ? [smsId] : []);
  return { resendAvailableAt: nextResendAt };
}

export async function completeRegistration(deps: Deps, id: string, password: string, meta: RequestMeta) {
  const reg = await getOpenRegistration(deps, id);
  if (reg.status !== 'verified') throw new AppError('registration_not_verified');
  const refusal = checkPassword(password, { idNumber: reg.idNumber, username: reg.username, mobile: reg.mobile }, isCommonPassword);
  if (refusal) throw new AppError(refusal);
  // The registry may have changed since step 1 (a new mobile); the account takes today's names.
  const person = await deps.registry.findPerson(reg.idNumber);
  if (!person) throw new AppError('identity_not_found');
  const passwordHash = await deps.passwords.hash(password);
  const db = deps.database.db;
  const now = deps.clock.now();
  const accountId = newId();
  let smsId: string;
  try {
    smsId = await db.transaction(async (tx) => {
      const done = await tx
        .update(registrations)
        .set({ status: 'completed', completedAt: now })
        .where(and(eq(registrations.id, id), eq(registrations.status, 'verified')))
        .returning({ id: registrations.id });
      if (done.length === 0) throw new AppError('registration_completed');
      await tx.insert(accounts).values({
        id: accountId,
        idNumber: reg.idNumber,
        username: reg.username,
        email: reg.email,
        mobile: reg.mobile,
        nameAr: person.name.ar,
        nameEn: person.name.en,
        language: reg.language,
        status: 'registered',
        passwordHash,
        termsVersion: reg.termsVersion,
        createdAt: now,
      });
      await audit(tx, {
        at: now,
        action: 'account.registered',
        actor: { kind: 'account', id: accountId },
        subjectAccountId: accountId,
        channel: meta.channel,
        requestId: meta.requestId,
        details: { registrationId: id, termsVersion: reg.termsVersion },
      });
      return deps.outbox.enqueue(tx, { to: reg.mobile, body: noticeMessage('registered', reg.language), kind: 'notice' });
    });
  } catch (err) {
    // Two registrations of one identity, or one username, racing to complete: one wins.
    if (isUniqueViolation(err, 'accounts_id_number_uq')) throw new AppError('identity_already_registered');
    if (isUniqueViolation(err, 'accounts_username_uq')) throw new AppError('username_taken');
    throw err;
  }
  await deps.outbox.deliver([smsId]);
  return { accountId, status: 'registered' as const };
}
