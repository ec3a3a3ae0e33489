// The workers export as CSV: UTF-8 with a byte-order mark (so that Excel reads Arabic), a
// header row in the requested language, RFC 4180 quoting, and every cell that a spreadsheet
// would take for a formula defused with a leading apostrophe (OWASP's CSV injection advice).
import { hijriIso, type IsoDate } from '../../../domain/calendar';
import type { Language } from '../../errors';
import { daysLeft, WARNINGS, warningsOf } from './rules';
import type { WorkerEntry } from './view-workers';

export const BOM = '\uFEFF';

const HEADERS: Record<Language, string[]> = {
  ar: [
    'رقم الهوية',
    'رقم الإقامة',
    'الاسم بالعربية',
    'الاسم بالإنجليزية',
    'الجنسية',
    'المهنة',
    'رقم الجواز',
    'انتهاء الجواز (ميلادي)',
    'انتهاء الجواز (هجري)',
    'انتهاء الإقامة (ميلادي)',
    'انتهاء الإقامة (هجري)',
    'الأيام المتبقية للإقامة',
    'تنبيهات',
    'الطلبات المفتوحة',
  ],
  en: [
    'Identity number',
    'Iqama number',
    'Name (Arabic)',
    'Name (English)',
    'Nationality',
    'Profession',
    'Passport number',
    'Passport expiry (Gregorian)',
    'Passport expiry (Hijri)',
    'Iqama expiry (Gregorian)',
    'Iqama expiry (Hijri)',
    'Iqama days left',
    'Warnings',
    'Open requests',
  ],
};

/** One cell: a leading =, +, -, @, tab or carriage return is defused; quoted when it must be. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(cells: Array<string | number | null>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvHeader(lang: Language): string {
  return BOM + csvLine(HEADERS[lang]);
}

export function csvRow(today: IsoDate, w: WorkerEntry, lang: Language): string {
  const p = w.person;
  const warnings = warningsOf(today, { iqamaExpiresOn: p.iqama?.expiresOn ?? null, passportExpiresOn: p.passport?.expiresOn ?? null });
  return csvLine([
    p.idNumber,
    p.iqama?.number ?? null,
    p.name.ar,
    p.name.en,
    p.nationality,
    w.professionName?.[lang] ?? p.profession,
    p.passport?.number ?? null,
    p.passport?.expiresOn ?? null,
    p.passport ? hijriIso(p.passport.expiresOn) : null,
    p.iqama?.expiresOn ?? null,
    p.iqama ? hijriIso(p.iqama.expiresOn) : null,
    p.iqama ? daysLeft(today, p.iqama.expiresOn) : null,
    warnings.map((c) => WARNINGS[c][lang]).join(lang === 'ar' ? '، ' : '; '),
    w.open.length,
  ]);
}
