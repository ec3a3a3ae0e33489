// The passports offices and airport desks of the sandbox: where officers work, where iqama
// cards are collected, and the locations the statistics are broken down by.
import type { offices } from '../../db/schema';

export type Office = typeof offices.$inferInsert;

export const SANDBOX_OFFICES: readonly Office[] = [
  { id: 'office-riyadh', kind: 'office', nameAr: 'جوازات منطقة الرياض', nameEn: 'Riyadh Region Passports', region: 'riyadh', city: 'Riyadh' },
  { id: 'office-jeddah', kind: 'office', nameAr: 'جوازات محافظة جدة', nameEn: 'Jeddah Passports', region: 'makkah', city: 'Jeddah' },
  { id: 'office-makkah', kind: 'office', nameAr: 'جوازات منطقة مكة المكرمة', nameEn: 'Makkah Region Passports', region: 'makkah', city: 'Makkah' },
  { id: 'office-madinah', kind: 'office', nameAr: 'جوازات منطقة المدينة المنورة', nameEn: 'Madinah Region Passports', region: 'madinah', city: 'Madinah' },
  { id: 'office-dammam', kind: 'office', nameAr: 'جوازات المنطقة الشرقية', nameEn: 'Eastern Province Passports', region: 'eastern', city: 'Dammam' },
  { id: 'office-abha', kind: 'office', nameAr: 'جوازات منطقة عسير', nameEn: 'Asir Region Passports', region: 'asir', city: 'Abha' },
  { id: 'office-tabuk', kind: 'office', nameAr: 'جوازات منطقة تبوك', nameEn: 'Tabuk Region Passports', region: 'tabuk', city: 'Tabuk' },
  { id: 'office-hail', kind: 'office', nameAr: 'جوازات منطقة حائل', nameEn: 'Hail Region Passports', region: 'hail', city: 'Hail' },
  { id: 'office-jazan', kind: 'office', nameAr: 'جوازات منطقة جازان', nameEn: 'Jazan Region Passports', region: 'jazan', city: 'Jazan' },
  { id: 'office-qassim', kind: 'office', nameAr: 'جوازات منطقة القصيم', nameEn: 'Qassim Region Passports', region: 'qassim', city: 'Buraydah' },
  { id: 'airport-ruh', kind: 'airport', nameAr: 'جوازات مطار الملك خالد الدولي', nameEn: 'King Khalid International Airport Passports (RUH)', region: 'riyadh', city: 'Riyadh' },
  { id: 'airport-jed', kind: 'airport', nameAr: 'جوازات مطار الملك عبدالعزيز الدولي', nameEn: 'King Abdulaziz International Airport Passports (JED)', region: 'makkah', city: 'Jeddah' },
  { id: 'airport-dmm', kind: 'airport', nameAr: 'جوازات مطار الملك فهد الدولي', nameEn: 'King Fahd International Airport Passports (DMM)', region: 'eastern', city: 'Dammam' },
  {
    id: 'airport-med',
    kind: 'airport',
    nameAr: 'جوازات مطار الأمير محمد بن عبدالعزيز الدولي',
    nameEn: 'Prince Mohammad bin Abdulaziz International Airport Passports (MED)',
    region: 'madinah',
    city: 'Madinah',
  },
];

export const RIYADH_OFFICE_ID = 'office-riyadh';
