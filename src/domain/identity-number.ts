// Saudi identity numbers: 10 digits, the first 1 (citizen) or 2 (resident), the last a Luhn check digit.
import { toAsciiDigits } from './digits';

export type IdentityKind = 'citizen' | 'resident';

export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  // Walk from the right; the digit next to the check digit is doubled.
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = payload.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The canonical ASCII form of an identity number, or null when it is not a valid one. */
export function parseIdentityNumber(input: string): string | null {
  const s = toAsciiDigits(input.trim());
  if (!/^[12]\d{9}$/.test(s)) return null;
  return luhnCheckDigit(s.slice(0, 9)) === Number(s[9]) ? s : null;
}

export function identityKind(idNumber: string): IdentityKind {
  return idNumber.startsWith('1') ? 'citizen' : 'resident';
}

/** Builds a valid identity number from a kind and an 8-digit serial. */
export function makeIdentityNumber(kind: IdentityKind, serial: number): string {
  const payload = (kind === 'citizen' ? '1' : '2') + String(serial).padStart(8, '0');
  if (payload.length !== 9) throw new RangeError('serial must have at most 8 digits');
  return payload + String(luhnCheckDigit(payload));
}
