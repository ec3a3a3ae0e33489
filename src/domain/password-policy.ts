// Password rules (NIST SP 800-63B style): 8 to 128 characters of any script, no composition
// rules; refused when it is a known common password or contains the holder's own identifiers.
import { toAsciiDigits } from './digits';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export type PasswordRefusal = 'password_too_short' | 'password_too_long' | 'password_common' | 'password_contains_personal_data';

export type PersonalData = { idNumber: string; username: string; mobile: string };

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function passwordLength(password: string): number {
  return [...password.normalize('NFC')].length;
}

export function checkPassword(
  password: string,
  personal: PersonalData,
  isCommon: (candidate: string) => boolean,
): PasswordRefusal | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN) return 'password_too_short';
  if (length > PASSWORD_MAX) return 'password_too_long';
  const folded = toAsciiDigits(password.normalize('NFKC')).toLowerCase();
  if (isCommon(folded)) return 'password_common';
  const local = personal.mobile.replace(/^\+966/, '0'); // 05XXXXXXXX
  const identifiers = [personal.idNumber, personal.username.toLowerCase(), local.slice(1), personal.mobile.slice(1)];
  if (identifiers.some((v) => v.length >= 4 && folded.includes(v))) return 'password_contains_personal_data';
  return null;
}
