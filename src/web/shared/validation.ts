// Form rules, checked in the browser with the same pure functions the server uses, so a
// person learns at once what the server would refuse. Messages are i18n keys.
import { z } from 'zod';
import { toAsciiDigits } from '../../domain/digits';
import { parseIdentityNumber } from '../../domain/identity-number';
import { normalizeMobile } from '../../domain/mobile';
import { PASSWORD_MAX, PASSWORD_MIN, passwordLength } from '../../domain/password-policy';

export const idNumberField = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .refine((v) => parseIdentityNumber(v) !== null, 'validation.idNumber');

export const mobileField = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .refine((v) => normalizeMobile(v) !== null, 'validation.mobile');

export const codeField = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .refine((v) => /^\d{6}$/.test(toAsciiDigits(v)), 'validation.code');

export const passwordField = z
  .string()
  .min(1, 'validation.required')
  .refine((v) => passwordLength(v) >= PASSWORD_MIN, 'validation.passwordShort')
  .refine((v) => passwordLength(v) <= PASSWORD_MAX, 'validation.passwordLong');

export const birthDateField = z
  .string()
  .min(1, 'validation.required')
  .refine((v) => {
    const iso = toAsciiDigits(v);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
    const d = new Date(`${iso}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) && d.getTime() <= Date.now();
  }, 'validation.birthDate');

export const usernameField = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .regex(/^[A-Za-z0-9._-]{4,32}$/, 'validation.username');

export const emailField = z
  .string()
  .trim()
  .refine((v) => v === '' || z.email().safeParse(v).success, 'validation.email');

/** Canonical forms for the wire (the server accepts the others too, but one form is clearer). */
export const toWire = {
  idNumber: (v: string) => parseIdentityNumber(v) ?? toAsciiDigits(v.trim()),
  mobile: (v: string) => normalizeMobile(v) ?? toAsciiDigits(v.trim()),
  code: (v: string) => toAsciiDigits(v.trim()),
  date: (v: string) => toAsciiDigits(v.trim()),
};
