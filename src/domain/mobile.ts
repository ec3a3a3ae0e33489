// Saudi mobiles are accepted as 05XXXXXXXX, 5XXXXXXXX, 9665XXXXXXXX or +9665XXXXXXXX (and with
// Arabic-Indic digits, spaces or dashes) and stored as +9665XXXXXXXX.
import { toAsciiDigits } from './digits';

export function normalizeMobile(input: string): string | null {
  const s = toAsciiDigits(input.trim()).replace(/[\s-]/g, '');
  const m = /^(?:\+966|00966|966|0)?(5\d{8})$/.exec(s);
  return m ? `+966${m[1]}` : null;
}

/** +966501234567 → 05XXXXX567, for messages and screens that must not show a whole number. */
export function maskMobile(mobile: string): string {
  return `05XXXXX${mobile.slice(-3)}`;
}
