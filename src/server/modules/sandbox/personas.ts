// The documented demo personas of the sandbox (docs/sandbox.md lists them): fixed identity
// numbers, mobiles and usernames, so that a tester, a bank or the portal's sandbox pages can
// walk every journey without looking anything up. Their serials sit below the synthetic
// population's (SERIAL_BASE) and their mobiles in +96650..., which the synthetic
// population never uses, so they can never collide with a seeded person.
import { createHash } from 'node:crypto';
import { makeIdentityNumber } from '../../../domain/identity-number';
import { establishmentNumber } from '../../../domain/synthetic/catalogue';
import { RIYADH_OFFICE_ID } from './offices';

/** The one password of every seeded account. Sandbox only: production never seeds. */
export const SANDBOX_PASSWORD = 'Absher-Sandbox-2026';

type Bilingual = { ar: string; en: string };

export type PersonaPerson = {
  idNumber: string;
  kind: 'citizen' | 'resident';
  name: Bilingual;
  gender: 'm' | 'f';
  birthDate: string;
  nationality: string;
  mobile: string;
  /** Days from the sandbox's first seeding to the passport's expiry, and its validity; null: none. */
  passport: { expiresInDays: number; years: 5 | 10 } | null;
  /** Residents: days from the first seeding to the iqama's expiry. */
  iqamaExpiresInDays: number | null;
  sponsor: { kind: 'establishment' | 'person'; id: string } | null;
  profession: string | null;
  maritalStatus: 'single' | 'married' | 'divorced' | 'widowed';
  /** Residents just arrived: days from the first seeding to their entry (negative: before). */
  arrivedInDays?: number;
};

export type PersonaKey = 'citizen' | 'registered' | 'newcomer' | 'resident' | 'family' | 'officer' | 'supervisor' | 'owner';

export type Persona = {
  key: PersonaKey;
  title: Bilingual;
  description: Bilingual;
  person: PersonaPerson;
  /** The account seeded for the persona; null when the persona is there to try registration. */
  account: {
    username: string;
    status: 'active' | 'registered';
    language: 'ar' | 'en';
    activation: { channel: 'office' | 'atm' | 'kiosk'; location: string } | null;
  } | null;
  staffRole: { role: 'officer' | 'supervisor'; officeId: string | null } | null;
};

/** A member of a persona's family card, or a worker a persona sponsors. */
export type PersonaRelative = {
  of: PersonaKey;
  /** The family-card relation; null for a sponsored worker who is not family. */
  relation: 'spouse' | 'son' | 'daughter' | null;
  person: PersonaPerson;
};

const citizenId = (serial: number) => makeIdentityNumber('citizen', serial);
const residentId = (serial: number) => makeIdentityNumber('resident', serial);
const mobile = (serial: number) => `+96650${String(serial).padStart(7, '0')}`;

/** The demo resident works for the largest establishment of the first seeded block. */
export const DEMO_ESTABLISHMENT = establishmentNumber(0, 0);

const citizen = (
  serial: number,
  name: Bilingual,
  gender: 'm' | 'f',
  birthDate: string,
  extra: Partial<PersonaPerson> = {},
): PersonaPerson => ({
  idNumber: citizenId(serial),
  kind: 'citizen',
  name,
  gender,
  birthDate,
  nationality: 'SAU',
  mobile: mobile(serial),
  passport: { expiresInDays: 1400, years: 10 },
  iqamaExpiresInDays: null,
  sponsor: null,
  profession: null,
  maritalStatus: 'married',
  ...extra,
});

export const PERSONAS: readonly Persona[] = [
  {
    key: 'citizen',
    title: { ar: 'مواطن بحساب مفعّل', en: 'Citizen with an active account' },
    description: {
      ar: 'يسجّل الدخول مباشرة ويستخدم الخدمات الإلكترونية؛ فُعّل حسابه عبر صراف الراجحي.',
      en: 'Logs in straight away and uses the e-services; activated at an Al Rajhi ATM.',
    },
    person: citizen(1, { ar: 'محمد عبدالله القحطاني', en: 'Mohammed Abdullah Al-Qahtani' }, 'm', '1988-04-12'),
    account: { username: 'demo.citizen', status: 'active', language: 'ar', activation: { channel: 'atm', location: 'atm-alrajhi' } },
    staffRole: null,
  },
  {
    key: 'registered',
    title: { ar: 'مواطنة مسجّلة لم تُفعّل', en: 'Citizen registered, not yet activated' },
    description: {
      ar: 'أكملت التسجيل ولم تفعّل الحساب: جرّب التفعيل عبر الصراف أو جهاز المطار أو مكتب الجوازات.',
      en: 'Completed registration but not activation: try the ATM, the airport kiosk or a passports office.',
    },
    person: citizen(2, { ar: 'سارة خالد العتيبي', en: 'Sarah Khalid Al-Otaibi' }, 'f', '1995-09-03', {
      passport: { expiresInDays: 900, years: 5 },
      maritalStatus: 'single',
    }),
    account: { username: 'demo.registered', status: 'registered', language: 'ar', activation: null },
    staffRole: null,
  },
  {
    key: 'newcomer',
    title: { ar: 'مواطن بلا حساب', en: 'Citizen without an account' },
    description: {
      ar: 'مسجّل في سجل الأحوال وليس له حساب: جرّب التسجيل بهويته وتاريخ ميلاده وجواله.',
      en: 'In the population registry with no account: try registering with his identity number, birth date and mobile.',
    },
    person: citizen(3, { ar: 'فهد ناصر الغامدي', en: 'Fahd Nasser Al-Ghamdi' }, 'm', '2001-02-20', {
      passport: { expiresInDays: 2000, years: 10 },
      maritalStatus: 'single',
    }),
    account: null,
    staffRole: null,
  },
  {
    key: 'resident',
    title: { ar: 'مقيم بحساب مفعّل ورب أسرة', en: 'Resident with an active account, head of his family' },
    description: {
      ar: 'مقيم يعمل لدى منشأة، فعّل حسابه بالبصمة في المطار، وتكفل زوجته وابنته.',
      en: 'A resident employed by an establishment, activated with his fingerprints at an airport kiosk; sponsors his wife and daughter.',
    },
    person: {
      idNumber: residentId(4),
      kind: 'resident',
      name: { ar: 'سوريش ناير', en: 'Suresh Nair' },
      gender: 'm',
      birthDate: '1985-07-15',
      nationality: 'IND',
      mobile: mobile(4),
      passport: { expiresInDays: 2500, years: 10 },
      iqamaExpiresInDays: 200,
      sponsor: { kind: 'establishment', id: DEMO_ESTABLISHMENT },
      profession: 'electrician',
      maritalStatus: 'married',
    },
    account: { username: 'demo.resident', status: 'active', language: 'en', activation: { channel: 'kiosk', location: 'kiosk-airports' } },
    staffRole: null,
  },
  {
    key: 'family',
    title: { ar: 'رب أسرة', en: 'Head of family' },
    description: {
      ar: 'مواطن له زوجة وثلاثة أبناء (جواز أحدهم ينتهي قريباً وآخر منتهٍ) ويكفل عاملة منزلية وسائقاً خاصاً.',
      en: 'A citizen with a wife and three children (one passport expiring soon, one expired) who sponsors a domestic worker and a private driver.',
    },
    person: citizen(5, { ar: 'عبدالعزيز سعد الحربي', en: 'Abdulaziz Saad Al-Harbi' }, 'm', '1975-01-25', {
      passport: { expiresInDays: 3000, years: 10 },
    }),
    account: { username: 'demo.family', status: 'active', language: 'ar', activation: { channel: 'office', location: RIYADH_OFFICE_ID } },
    staffRole: null,
  },
  {
    key: 'owner',
    title: { ar: 'صاحب منشأة', en: 'Establishment owner' },
    description: {
      ar: 'يملك منشأة مفتوحة في أبشر فيها عمال تنتهي إقاماتهم قريباً أو انتهت، وعامل وصل حديثاً اجتاز الفحص الطبي، ومنشأتين (100 و101 عامل) لم يفتحهما بعد.',
      en: 'Owns an establishment open on Absher, with workers whose iqamas expire soon or have expired and a newly arrived worker who passed the medical examination, and two more (100 and 101 workers) not yet opened.',
    },
    person: citizen(8, { ar: 'تركي منصور العنزي', en: 'Turki Mansour Al-Anazi' }, 'm', '1980-03-22', {
      passport: { expiresInDays: 2600, years: 10 },
    }),
    account: { username: 'demo.owner', status: 'active', language: 'ar', activation: { channel: 'atm', location: 'atm-alinma' } },
    staffRole: null,
  },
  {
    key: 'officer',
    title: { ar: 'موظف جوازات', en: 'Passports officer' },
    description: {
      ar: 'موظف في جوازات منطقة الرياض: يفعّل الحسابات حضورياً من لوحة المكتب.',
      en: 'An officer at the Riyadh Region passports office: activates accounts in person from the office console.',
    },
    person: citizen(6, { ar: 'ماجد علي الشهري', en: 'Majed Ali Al-Shehri' }, 'm', '1986-08-08', {
      passport: { expiresInDays: 2200, years: 10 },
    }),
    account: { username: 'demo.officer', status: 'active', language: 'ar', activation: { channel: 'office', location: RIYADH_OFFICE_ID } },
    staffRole: { role: 'officer', officeId: RIYADH_OFFICE_ID },
  },
  {
    key: 'supervisor',
    title: { ar: 'مشرفة', en: 'Supervisor' },
    description: {
      ar: 'مشرفة على المكاتب والموظفين والرسوم، وتطّلع على الإحصاءات.',
      en: 'Supervises the offices, the officers and the fee schedules, and sees the statistics.',
    },
    person: citizen(7, { ar: 'هند عبدالرحمن السبيعي', en: 'Hind Abdulrahman Al-Subaie' }, 'f', '1979-12-01', {
      passport: { expiresInDays: 1700, years: 10 },
    }),
    account: { username: 'demo.supervisor', status: 'active', language: 'ar', activation: { channel: 'office', location: RIYADH_OFFICE_ID } },
    staffRole: { role: 'supervisor', officeId: null },
  },
];

const sponsoredBy = (key: PersonaKey) => ({ kind: 'person' as const, id: PERSONAS.find((p) => p.key === key)!.person.idNumber });

export const PERSONA_RELATIVES: readonly PersonaRelative[] = [
  {
    of: 'resident',
    relation: 'spouse',
    person: {
      idNumber: residentId(41),
      kind: 'resident',
      name: { ar: 'بريا ناير', en: 'Priya Nair' },
      gender: 'f',
      birthDate: '1990-03-08',
      nationality: 'IND',
      mobile: mobile(41),
      passport: { expiresInDays: 1500, years: 10 },
      iqamaExpiresInDays: 200,
      sponsor: sponsoredBy('resident'),
      profession: 'housewife',
      maritalStatus: 'married',
    },
  },
  {
    of: 'resident',
    relation: 'daughter',
    person: {
      idNumber: residentId(42),
      kind: 'resident',
      name: { ar: 'ميرا ناير', en: 'Meera Nair' },
      gender: 'f',
      birthDate: '2016-11-30',
      nationality: 'IND',
      mobile: mobile(42),
      passport: { expiresInDays: 45, years: 5 },
      iqamaExpiresInDays: 200,
      sponsor: sponsoredBy('resident'),
      profession: 'student',
      maritalStatus: 'single',
    },
  },
  {
    of: 'family',
    relation: 'spouse',
    person: citizen(51, { ar: 'نورة فهد الدوسري', en: 'Noura Fahd Al-Dosari' }, 'f', '1982-06-10', {
      passport: { expiresInDays: 700, years: 10 },
    }),
  },
  {
    of: 'family',
    relation: 'son',
    person: citizen(52, { ar: 'سعد عبدالعزيز الحربي', en: 'Saad Abdulaziz Al-Harbi' }, 'm', '2008-05-14', {
      passport: { expiresInDays: 60, years: 5 },
      maritalStatus: 'single',
    }),
  },
  {
    of: 'family',
    relation: 'daughter',
    person: citizen(53, { ar: 'ريم عبدالعزيز الحربي', en: 'Reem Abdulaziz Al-Harbi' }, 'f', '2011-09-02', {
      passport: { expiresInDays: -30, years: 5 },
      maritalStatus: 'single',
    }),
  },
  {
    of: 'family',
    relation: 'son',
    person: citizen(54, { ar: 'خالد عبدالعزيز الحربي', en: 'Khalid Abdulaziz Al-Harbi' }, 'm', '2017-12-20', {
      passport: null,
      maritalStatus: 'single',
    }),
  },
  {
    of: 'family',
    relation: null,
    person: {
      idNumber: residentId(55),
      kind: 'resident',
      name: { ar: 'ماريا سانتوس', en: 'Maria Santos' },
      gender: 'f',
      birthDate: '1989-10-05',
      nationality: 'PHL',
      mobile: mobile(55),
      passport: { expiresInDays: 1800, years: 10 },
      iqamaExpiresInDays: 20,
      sponsor: sponsoredBy('family'),
      profession: 'domestic_worker',
      maritalStatus: 'single',
    },
  },
  {
    of: 'family',
    relation: null,
    person: {
      idNumber: residentId(56),
      kind: 'resident',
      name: { ar: 'نيمال بيريرا', en: 'Nimal Perera' },
      gender: 'm',
      birthDate: '1979-03-17',
      nationality: 'LKA',
      mobile: mobile(56),
      passport: { expiresInDays: 400, years: 10 },
      iqamaExpiresInDays: -10,
      sponsor: sponsoredBy('family'),
      profession: 'private_driver',
      maritalStatus: 'married',
    },
  },
];

/** Persona fingerprints do not depend on the seed: the docs and the kiosk simulator rely on them. */
export function personaFingerprints(idNumber: string): { right: Buffer; left: Buffer } {
  const h = createHash('sha512').update(`persona:${idNumber}`).digest();
  return { right: h.subarray(0, 16), left: h.subarray(16, 32) };
}

/** Passport numbers of the personas: a zero after the letter, which synthetic numbers never have. */
export function personaPassportNumber(p: PersonaPerson): string {
  const letter = p.nationality === 'SAU' ? 'A' : p.nationality === 'IND' ? 'N' : p.nationality === 'PHL' ? 'R' : 'L';
  return `${letter}0${p.idNumber.slice(3, 10)}`;
}

// ---------------------------------------------------------------------------------------
// The demo owner's establishments: DEMO_ESTABLISHMENT (open on Absher; its workers are the
// demo resident, the synthetic workers the seed gives it and those below), and two more of
// exactly 100 and 101 workers on either side of the paper-transaction rule. Their unified
// numbers sit below the synthetic ones (ESTABLISHMENT_BASE).

export type PersonaEstablishment = {
  id: string;
  owner: PersonaKey;
  name: Bilingual;
  crNumber: string;
  labourFile: string;
  region: string;
  city: string;
  /** Opened on Absher by its owner at seeding. */
  opened: boolean;
  /** Generated workers (besides the listed PERSONA_WORKERS). */
  generatedWorkers: number;
};

export const PAPER_RULE_ESTABLISHMENTS = { atLimit: '7000000100', aboveLimit: '7000000101' } as const;

export const PERSONA_ESTABLISHMENTS: readonly PersonaEstablishment[] = [
  {
    id: DEMO_ESTABLISHMENT,
    owner: 'owner',
    name: { ar: 'مؤسسة العنزي للمقاولات', en: 'Al-Anazi Contracting Est.' },
    crNumber: '1010000001',
    labourFile: '1-100001',
    region: 'riyadh',
    city: 'Riyadh',
    opened: true,
    generatedWorkers: 0,
  },
  {
    id: PAPER_RULE_ESTABLISHMENTS.atLimit,
    owner: 'owner',
    name: { ar: 'مؤسسة العنزي للصيانة', en: 'Al-Anazi Maintenance Est.' },
    crNumber: '1010000100',
    labourFile: '1-100100',
    region: 'riyadh',
    city: 'Riyadh',
    opened: false,
    generatedWorkers: 100,
  },
  {
    id: PAPER_RULE_ESTABLISHMENTS.aboveLimit,
    owner: 'owner',
    name: { ar: 'شركة العنزي للتجارة', en: 'Al-Anazi Trading Co.' },
    crNumber: '1010000101',
    labourFile: '1-100101',
    region: 'makkah',
    city: 'Jeddah',
    opened: false,
    generatedWorkers: 101,
  },
];

/** A worker of a persona's establishment, with the health ministry's record when it matters. */
export type PersonaWorker = { person: PersonaPerson; medical: { examinedInDays: number; result: 'fit' | 'unfit'; insuredForDays: number } | null };

const worker = (serial: number, name: Bilingual, nationality: string, profession: string, iqamaExpiresInDays: number | null, extra: Partial<PersonaPerson> = {}): PersonaPerson => ({
  idNumber: residentId(serial),
  kind: 'resident',
  name,
  gender: 'm',
  birthDate: '1988-01-10',
  nationality,
  mobile: mobile(serial),
  passport: { expiresInDays: 1600, years: 10 },
  iqamaExpiresInDays,
  sponsor: { kind: 'establishment', id: DEMO_ESTABLISHMENT },
  profession,
  maritalStatus: 'married',
  ...extra,
});

/** The demo establishment's listed workers: each shows a case of the workers view and the services. */
export const PERSONA_WORKERS: readonly PersonaWorker[] = [
  { person: worker(81, { ar: 'راجو كومار', en: 'Raju Kumar' }, 'IND', 'electrician', 12), medical: null },
  { person: worker(82, { ar: 'محمد رفيق', en: 'Mohammad Rafiq' }, 'PAK', 'driver', 25), medical: null },
  { person: worker(83, { ar: 'كريم الدين', en: 'Karim Uddin' }, 'BGD', 'labourer', 70, { passport: { expiresInDays: 40, years: 5 } }), medical: null },
  { person: worker(84, { ar: 'أحمد حسن', en: 'Ahmed Hassan' }, 'EGY', 'accountant', -2), medical: null },
  { person: worker(85, { ar: 'جوزيف ريّس', en: 'Joseph Reyes' }, 'PHL', 'technician', -45), medical: null },
  { person: worker(86, { ar: 'بيشال تامانغ', en: 'Bishal Tamang' }, 'NPL', 'mason', 240), medical: null },
  {
    person: worker(87, { ar: 'سانجاي باتيل', en: 'Sanjay Patel' }, 'IND', 'plumber', null, { arrivedInDays: -12, maritalStatus: 'single', birthDate: '1996-06-18' }),
    medical: { examinedInDays: -5, result: 'fit', insuredForDays: 365 },
  },
];

const GENERATED_NAMES: ReadonlyArray<[Bilingual, string]> = [
  [{ ar: 'سوريش', en: 'Suresh' }, 'IND'],
  [{ ar: 'عمران', en: 'Imran' }, 'PAK'],
  [{ ar: 'رحيم', en: 'Rahim' }, 'BGD'],
  [{ ar: 'محمود', en: 'Mahmoud' }, 'EGY'],
  [{ ar: 'رامون', en: 'Ramon' }, 'PHL'],
  [{ ar: 'هاري', en: 'Hari' }, 'NPL'],
];
const GENERATED_PROFESSIONS = ['labourer', 'electrician', 'driver', 'cleaner', 'mason', 'technician', 'cook', 'welder'];

/** The generated workers of the persona establishments (100 and 101 of them), numbered from serial 100,000 and 200,000. */
export function generatedPersonaWorkers(): PersonaPerson[] {
  const out: PersonaPerson[] = [];
  PERSONA_ESTABLISHMENTS.forEach((e, k) => {
    for (let i = 0; i < e.generatedWorkers; i++) {
      const serial = k * 100_000 + i;
      const [given, nationality] = GENERATED_NAMES[i % GENERATED_NAMES.length]!;
      out.push({
        ...worker(serial, { ar: `${given.ar} ${i + 1}`, en: `${given.en} ${i + 1}` }, nationality, GENERATED_PROFESSIONS[i % GENERATED_PROFESSIONS.length]!, 30 + ((i * 37) % 330)),
        sponsor: { kind: 'establishment', id: e.id },
      });
    }
  });
  return out;
}
