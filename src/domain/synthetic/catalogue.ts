// The data the synthetic population is drawn from: nationalities, professions, and the
// household templates that give heads of family their dependents and sponsors their
// workers. Both generators (population.ts in TypeScript, the bulk SQL of the sandbox
// module) read these tables by position, so entries may be appended, never reordered.
import { nameGroupIndex, type NameGroupId } from './names';

export type Nationality = {
  code: string;
  nameAr: string;
  nameEn: string;
  group: NameGroupId;
  /** The language an account holder of this nationality is given by default. */
  language: 'ar' | 'en';
  /** Letter that starts the synthetic passport numbers of this nationality. */
  passportPrefix: string;
  /** Share among residents who come to work (per hundred). */
  workerWeight: number;
  /** Share among domestic workers (per hundred). */
  domesticWeight: number;
};

export const NATIONALITIES: readonly Nationality[] = [
  { code: 'SAU', nameAr: 'السعودية', nameEn: 'Saudi Arabia', group: 'saudi', language: 'ar', passportPrefix: 'A', workerWeight: 0, domesticWeight: 0 },
  { code: 'IND', nameAr: 'الهند', nameEn: 'India', group: 'indian', language: 'en', passportPrefix: 'N', workerWeight: 20, domesticWeight: 15 },
  { code: 'PAK', nameAr: 'باكستان', nameEn: 'Pakistan', group: 'south_asian', language: 'en', passportPrefix: 'P', workerWeight: 14, domesticWeight: 5 },
  { code: 'BGD', nameAr: 'بنغلاديش', nameEn: 'Bangladesh', group: 'south_asian', language: 'en', passportPrefix: 'B', workerWeight: 14, domesticWeight: 15 },
  { code: 'EGY', nameAr: 'مصر', nameEn: 'Egypt', group: 'arab', language: 'ar', passportPrefix: 'E', workerWeight: 12, domesticWeight: 0 },
  { code: 'PHL', nameAr: 'الفلبين', nameEn: 'Philippines', group: 'filipino', language: 'en', passportPrefix: 'R', workerWeight: 7, domesticWeight: 25 },
  { code: 'YEM', nameAr: 'اليمن', nameEn: 'Yemen', group: 'arab', language: 'ar', passportPrefix: 'Y', workerWeight: 8, domesticWeight: 0 },
  { code: 'SDN', nameAr: 'السودان', nameEn: 'Sudan', group: 'arab', language: 'ar', passportPrefix: 'S', workerWeight: 6, domesticWeight: 0 },
  { code: 'NPL', nameAr: 'نيبال', nameEn: 'Nepal', group: 'nepali', language: 'en', passportPrefix: 'T', workerWeight: 5, domesticWeight: 10 },
  { code: 'IDN', nameAr: 'إندونيسيا', nameEn: 'Indonesia', group: 'indonesian', language: 'en', passportPrefix: 'C', workerWeight: 4, domesticWeight: 15 },
  { code: 'JOR', nameAr: 'الأردن', nameEn: 'Jordan', group: 'arab', language: 'ar', passportPrefix: 'J', workerWeight: 3, domesticWeight: 0 },
  { code: 'SYR', nameAr: 'سوريا', nameEn: 'Syria', group: 'arab', language: 'ar', passportPrefix: 'H', workerWeight: 4, domesticWeight: 0 },
  { code: 'LKA', nameAr: 'سريلانكا', nameEn: 'Sri Lanka', group: 'sri_lankan', language: 'en', passportPrefix: 'L', workerWeight: 3, domesticWeight: 15 },
];

export const SAUDI = 0;

/** Nationalities a resident may hold (everything but Saudi). */
export const RESIDENT_NATIONALITY_CODES = NATIONALITIES.filter((n) => n.code !== 'SAU').map((n) => n.code) as readonly string[];

export function nationalityIndex(code: string): number {
  const i = NATIONALITIES.findIndex((n) => n.code === code);
  if (i < 0) throw new RangeError(`unknown nationality ${code}`);
  return i;
}

export const NATIONALITY_GROUP: readonly number[] = NATIONALITIES.map((n) => nameGroupIndex(n.group));

export type Profession = { code: string; ar: string; en: string };

export const PROFESSIONS: readonly Profession[] = [
  { code: 'labourer', ar: 'عامل', en: 'Labourer' },
  { code: 'electrician', ar: 'كهربائي', en: 'Electrician' },
  { code: 'plumber', ar: 'سباك', en: 'Plumber' },
  { code: 'carpenter', ar: 'نجار', en: 'Carpenter' },
  { code: 'mason', ar: 'بنّاء', en: 'Mason' },
  { code: 'painter', ar: 'دهّان', en: 'Painter' },
  { code: 'welder', ar: 'لحّام', en: 'Welder' },
  { code: 'mechanic', ar: 'ميكانيكي', en: 'Mechanic' },
  { code: 'driver', ar: 'سائق', en: 'Driver' },
  { code: 'cook', ar: 'طباخ', en: 'Cook' },
  { code: 'salesperson', ar: 'بائع', en: 'Salesperson' },
  { code: 'cleaner', ar: 'عامل نظافة', en: 'Cleaner' },
  { code: 'security_guard', ar: 'حارس أمن', en: 'Security guard' },
  { code: 'technician', ar: 'فني', en: 'Technician' },
  { code: 'accountant', ar: 'محاسب', en: 'Accountant' },
  { code: 'engineer', ar: 'مهندس', en: 'Engineer' },
  { code: 'physician', ar: 'طبيب', en: 'Physician' },
  { code: 'nurse', ar: 'ممرض', en: 'Nurse' },
  { code: 'pharmacist', ar: 'صيدلي', en: 'Pharmacist' },
  { code: 'teacher', ar: 'معلم', en: 'Teacher' },
  { code: 'it_specialist', ar: 'أخصائي تقنية معلومات', en: 'IT specialist' },
  { code: 'tailor', ar: 'خياط', en: 'Tailor' },
  { code: 'barber', ar: 'حلاق', en: 'Barber' },
  { code: 'domestic_worker', ar: 'عامل منزلي', en: 'Domestic worker' },
  { code: 'private_driver', ar: 'سائق خاص', en: 'Private driver' },
  { code: 'housewife', ar: 'ربة منزل', en: 'Housewife' },
  { code: 'student', ar: 'طالب', en: 'Student' },
];

export function professionIndex(code: string): number {
  const i = PROFESSIONS.findIndex((p) => p.code === code);
  if (i < 0) throw new RangeError(`unknown profession ${code}`);
  return i;
}

export function findProfession(code: string | null): Profession | null {
  return PROFESSIONS.find((p) => p.code === code) ?? null;
}

/** Expands {item: weight} into a bag in which each item appears `weight` times, in a fixed order. */
function bag<T>(entries: ReadonlyArray<readonly [T, number]>): readonly T[] {
  const out: T[] = [];
  for (const [item, weight] of entries) for (let k = 0; k < weight; k++) out.push(item);
  return out;
}

const p = professionIndex;

export const MALE_WORKER_PROFESSIONS = bag<number>([
  [p('labourer'), 12], [p('electrician'), 5], [p('plumber'), 4], [p('carpenter'), 4], [p('mason'), 5],
  [p('painter'), 3], [p('welder'), 3], [p('mechanic'), 3], [p('driver'), 8], [p('cook'), 3],
  [p('salesperson'), 5], [p('cleaner'), 4], [p('security_guard'), 3], [p('technician'), 4], [p('accountant'), 3],
  [p('engineer'), 4], [p('physician'), 1], [p('nurse'), 1], [p('pharmacist'), 1], [p('teacher'), 1],
  [p('it_specialist'), 2], [p('tailor'), 1], [p('barber'), 1],
]);

export const FEMALE_WORKER_PROFESSIONS = bag<number>([
  [p('nurse'), 8], [p('teacher'), 3], [p('physician'), 2], [p('pharmacist'), 2], [p('accountant'), 2],
  [p('salesperson'), 3], [p('cleaner'), 4], [p('tailor'), 1], [p('it_specialist'), 1], [p('cook'), 1],
]);

export const WORKER_NATIONALITIES = bag<number>(NATIONALITIES.map((n, i) => [i, n.workerWeight] as const));
export const DOMESTIC_NATIONALITIES = bag<number>(NATIONALITIES.map((n, i) => [i, n.domesticWeight] as const));

export const MARITAL_STATUSES = ['single', 'married', 'divorced', 'widowed'] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];
/** For adults whose role does not fix it. */
export const ADULT_MARITAL = bag<number>([[0, 40], [1, 50], [2, 6], [3, 4]]);

// ---------------------------------------------------------------------------------------
// Establishments. Every CHUNK_SIZE consecutive persons share a set of establishments whose
// sizes follow a long tail, so that every large enough population has a few employers
// above 100 workers (the threshold of the paper-transaction rule) and many small ones.

export const CHUNK_SIZE = 4096;
export const ESTABLISHMENTS_PER_CHUNK = 48;
/** Unified numbers are 10 digits starting with 7. */
export const ESTABLISHMENT_BASE = 7_000_100_000;
/** Establishment k of a chunk is drawn with a weight of about 1/(k+1). */
export const ESTABLISHMENT_PICKS = bag<number>(
  Array.from({ length: ESTABLISHMENTS_PER_CHUNK }, (_, k) => [k, Math.max(1, Math.round(240 / (k + 1)))] as const),
);

export function establishmentNumber(chunk: number, k: number): string {
  return String(ESTABLISHMENT_BASE + chunk * ESTABLISHMENTS_PER_CHUNK + k);
}

// ---------------------------------------------------------------------------------------
// Households. Persons are generated in blocks of BLOCK_SIZE consecutive indices; a block
// follows a template, a list of roles by position. Position 0 is the block's head of
// family when the template has one; spouses, children and domestic workers at the other
// positions refer to that head.

export const BLOCK_SIZE = 8;

export type Role = {
  kind: 'citizen' | 'resident';
  /** How this person relates to the block's head. */
  relation: 'head' | 'spouse' | 'child' | 'none';
  /** Chance (per hundred) of being a woman. */
  femalePerHundred: number;
  nationality: 'saudi' | 'household' | 'worker' | 'domestic';
  /** Age in years: fixed by the household for head, spouse and child; otherwise a range. */
  age: 'head' | 'spouse' | 'child' | readonly [min: number, max: number];
  sponsor: 'none' | 'establishment' | 'head';
  profession: 'none' | 'worker' | 'domestic' | 'dependent';
  /** Ages of a head of this role (used only at position 0). */
  headAge?: readonly [min: number, max: number];
};

export const ROLES = {
  citizenHead: { kind: 'citizen', relation: 'head', femalePerHundred: 0, nationality: 'saudi', age: 'head', sponsor: 'none', profession: 'none', headAge: [28, 80] },
  citizenSpouse: { kind: 'citizen', relation: 'spouse', femalePerHundred: 100, nationality: 'saudi', age: 'spouse', sponsor: 'none', profession: 'none' },
  citizenChild: { kind: 'citizen', relation: 'child', femalePerHundred: 50, nationality: 'saudi', age: 'child', sponsor: 'none', profession: 'none' },
  citizenAdult: { kind: 'citizen', relation: 'none', femalePerHundred: 50, nationality: 'saudi', age: [18, 75], sponsor: 'none', profession: 'none' },
  residentHead: { kind: 'resident', relation: 'head', femalePerHundred: 0, nationality: 'household', age: 'head', sponsor: 'establishment', profession: 'worker', headAge: [28, 58] },
  residentSpouse: { kind: 'resident', relation: 'spouse', femalePerHundred: 100, nationality: 'household', age: 'spouse', sponsor: 'head', profession: 'dependent' },
  residentChild: { kind: 'resident', relation: 'child', femalePerHundred: 50, nationality: 'household', age: 'child', sponsor: 'head', profession: 'dependent' },
  worker: { kind: 'resident', relation: 'none', femalePerHundred: 15, nationality: 'worker', age: [21, 60], sponsor: 'establishment', profession: 'worker' },
  domesticWorker: { kind: 'resident', relation: 'none', femalePerHundred: 70, nationality: 'domestic', age: [22, 50], sponsor: 'head', profession: 'domestic' },
} as const satisfies Record<string, Role>;

export type RoleName = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

export type Template = { name: string; weight: number; roles: readonly RoleName[] };

export const TEMPLATES: readonly Template[] = [
  {
    name: 'saudi_family',
    weight: 30,
    roles: ['citizenHead', 'citizenSpouse', 'citizenChild', 'citizenChild', 'citizenChild', 'domesticWorker', 'citizenAdult', 'worker'],
  },
  {
    name: 'large_saudi_family',
    weight: 15,
    roles: ['citizenHead', 'citizenSpouse', 'citizenChild', 'citizenChild', 'citizenChild', 'citizenChild', 'domesticWorker', 'domesticWorker'],
  },
  {
    name: 'resident_family',
    weight: 20,
    roles: ['residentHead', 'residentSpouse', 'residentChild', 'residentChild', 'worker', 'worker', 'citizenAdult', 'citizenAdult'],
  },
  {
    name: 'small_family_and_workers',
    weight: 20,
    roles: ['citizenHead', 'citizenSpouse', 'citizenChild', 'worker', 'worker', 'worker', 'worker', 'citizenAdult'],
  },
  {
    name: 'singles_and_workers',
    weight: 15,
    roles: ['citizenAdult', 'citizenAdult', 'citizenAdult', 'worker', 'worker', 'worker', 'worker', 'worker'],
  },
];

export const TEMPLATE_PICKS = bag<number>(TEMPLATES.map((t, i) => [i, t.weight] as const));

for (const t of TEMPLATES) {
  if (t.roles.length !== BLOCK_SIZE) throw new Error(`template ${t.name} must have ${BLOCK_SIZE} roles`);
  const needsHead = t.roles.some((r) => ROLES[r].relation === 'spouse' || ROLES[r].relation === 'child' || ROLES[r].sponsor === 'head');
  if (needsHead && ROLES[t.roles[0]!].relation !== 'head') throw new Error(`template ${t.name} needs a head at position 0`);
}
