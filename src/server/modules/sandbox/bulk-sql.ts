// The bulk loader's SQL: the population of src/domain/synthetic/population.ts computed
// inside the database (INSERT ... SELECT over generate_series), because millions of rows
// sent from Node one statement at a time cannot meet the seeding target. Every expression
// below mirrors a line of generatePerson; the parity test in test/sandbox checks that both
// give the same people.
//
// Each layer is a subquery with OFFSET 0 so that the planner cannot inline it: otherwise a
// hash referenced twenty times would be computed twenty times per row.
import {
  ADULT_MARITAL,
  BLOCK_SIZE,
  CHUNK_SIZE,
  DOMESTIC_NATIONALITIES,
  ESTABLISHMENT_BASE,
  ESTABLISHMENT_PICKS,
  ESTABLISHMENTS_PER_CHUNK,
  FEMALE_WORKER_PROFESSIONS,
  MALE_WORKER_PROFESSIONS,
  MARITAL_STATUSES,
  NATIONALITIES,
  NATIONALITY_GROUP,
  PROFESSIONS,
  ROLE_NAMES,
  ROLES,
  TEMPLATE_PICKS,
  TEMPLATES,
  WORKER_NATIONALITIES,
  type Role,
} from '../../../domain/synthetic/catalogue';
import { NAME_GROUPS, type Name } from '../../../domain/synthetic/names';
import {
  BIRTH_EPOCH,
  BULK_LIMIT,
  DAYS_10_YEARS,
  DAYS_5_YEARS,
  MOBILE_SPACE,
  MOBILE_STEP,
  PASSPORT_SPACE,
  PASSPORT_STEP,
  SERIAL_BASE,
  type PopulationConstants,
} from '../../../domain/synthetic/population';

export type BulkContext = {
  constants: PopulationConstants;
  asOf: string;
};

export type AccountOptions = {
  passwordHash: string;
  termsVersion: number;
  /** Office ids an office activation is spread over. */
  officeIds: readonly string[];
  /** ATM channel client ids an ATM activation is spread over. */
  atmClientIds: readonly string[];
  kioskClientId: string;
  /** The first 20 hex digits (with dashes) of the seeded accounts' ids; the index fills the rest. */
  accountIdPrefix: string;
};

const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const textArray = (xs: readonly string[]): string => `(ARRAY[${xs.map(lit).join(',')}]::text[])`;
const intArray = (xs: readonly number[]): string => `(ARRAY[${xs.join(',')}]::int[])`;
const int = (n: number): string => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
  return String(n);
};
const isoDate = (d: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new RangeError(`not a date: ${d}`);
  return `DATE ${lit(d)}`;
};

/** `list[n % len]` on a 1-based SQL array. */
const pick = (array: string, length: number, n: string): string => `${array}[1 + (${n}) % ${length}]`;
const u8 = (h: string, k: number): string => `get_byte(${h}, ${k})`;
const u16 = (h: string, k: number): string => `((get_byte(${h}, ${k}) << 8) | get_byte(${h}, ${k + 1}))`;

/** The Luhn check digit of a 9-digit payload column: from the right, every other digit doubled. */
function luhn(payload: string): string {
  const doubled = intArray([0, 2, 4, 6, 8, 1, 3, 5, 7, 9]);
  const digit = (k: number) => `((${payload} / ${10 ** k}) % 10)`;
  const terms = Array.from({ length: 9 }, (_, k) => (k % 2 === 0 ? `${doubled}[1 + ${digit(k)}]` : digit(k)));
  return `((10 - (${terms.join(' + ')}) % 10) % 10)`;
}

const REL = { head: 0, spouse: 1, child: 2, none: 3 } as const;
const NAT = { saudi: 0, household: 1, worker: 2, domestic: 3 } as const;
const AGE_MODE = (r: Role) => (r.age === 'head' ? 0 : r.age === 'spouse' ? 1 : r.age === 'child' ? 2 : 3);
const SPONSOR = { none: 0, establishment: 1, head: 2 } as const;
const PROF = { none: 0, worker: 1, domestic: 2, dependent: 3 } as const;

/** The catalogue as SQL array literals, built once. */
function catalogue() {
  const roles = ROLE_NAMES.map((n) => ROLES[n] as Role);
  const roleIndex = (n: string) => ROLE_NAMES.indexOf(n as (typeof ROLE_NAMES)[number]);
  const flatten = (list: (g: (typeof NAME_GROUPS)[number]) => readonly Name[]) => {
    const ar: string[] = [];
    const en: string[] = [];
    const off: number[] = [];
    const len: number[] = [];
    for (const g of NAME_GROUPS) {
      off.push(ar.length);
      len.push(list(g).length);
      for (const [a, e] of list(g)) {
        ar.push(a);
        en.push(e);
      }
    }
    return { ar: textArray(ar), en: textArray(en), off: intArray(off), len: intArray(len) };
  };
  return {
    templatePicks: intArray(TEMPLATE_PICKS),
    templateRoles: intArray(TEMPLATES.flatMap((t) => t.roles.map(roleIndex))),
    headMin: intArray(TEMPLATES.map((t) => (ROLES[t.roles[0]!] as Role).headAge?.[0] ?? 28)),
    headMax: intArray(TEMPLATES.map((t) => (ROLES[t.roles[0]!] as Role).headAge?.[1] ?? 80)),
    headCitizen: `(ARRAY[${TEMPLATES.map((t) => (ROLES[t.roles[0]!].kind === 'citizen' ? 'true' : 'false')).join(',')}]::boolean[])`,
    roleCitizen: `(ARRAY[${roles.map((r) => (r.kind === 'citizen' ? 'true' : 'false')).join(',')}]::boolean[])`,
    roleRelation: intArray(roles.map((r) => REL[r.relation])),
    roleFemale: intArray(roles.map((r) => r.femalePerHundred)),
    roleNationality: intArray(roles.map((r) => NAT[r.nationality])),
    roleAgeMode: intArray(roles.map(AGE_MODE)),
    roleAgeMin: intArray(roles.map((r) => (Array.isArray(r.age) ? r.age[0] : 0))),
    roleAgeMax: intArray(roles.map((r) => (Array.isArray(r.age) ? r.age[1] : 0))),
    roleSponsor: intArray(roles.map((r) => SPONSOR[r.sponsor])),
    roleProfession: intArray(roles.map((r) => PROF[r.profession])),
    workerNationalities: intArray(WORKER_NATIONALITIES),
    domesticNationalities: intArray(DOMESTIC_NATIONALITIES),
    nationalityCodes: textArray(NATIONALITIES.map((n) => n.code)),
    nationalityGroup: intArray(NATIONALITY_GROUP),
    nationalityLanguage: textArray(NATIONALITIES.map((n) => n.language)),
    passportPrefix: textArray(NATIONALITIES.map((n) => n.passportPrefix)),
    groupThreePart: `(ARRAY[${NAME_GROUPS.map((g) => (g.threePart ? 'true' : 'false')).join(',')}]::boolean[])`,
    male: flatten((g) => g.male),
    female: flatten((g) => g.female),
    family: flatten((g) => g.family),
    professionCodes: textArray(PROFESSIONS.map((p) => p.code)),
    maleWork: intArray(MALE_WORKER_PROFESSIONS),
    femaleWork: intArray(FEMALE_WORKER_PROFESSIONS),
    establishmentPicks: intArray(ESTABLISHMENT_PICKS),
    marital: textArray(MARITAL_STATUSES),
    adultMarital: intArray(ADULT_MARITAL),
  };
}

let cached: ReturnType<typeof catalogue> | undefined;

/**
 * The persons [from, to) as a subquery, one row per person with the registry's columns
 * plus `i` (the index), `hp` (the person's hash), `nat` (nationality position),
 * `head_id_number` and `relation` (the family link, when there is one).
 */
function personsQuery(ctx: BulkContext, from: number, to: number): string {
  if (!(0 <= from && from <= to && to <= BULK_LIMIT)) throw new RangeError('range out of the seeded population');
  const c = (cached ??= catalogue());
  const seed = lit(ctx.constants.seedText);
  const asOf = isoDate(ctx.asOf);
  const nameAt = (list: { off: string; len: string }, arr: string, group: string, n: string) =>
    `${arr}[1 + ${list.off}[1 + ${group}] + (${n}) % ${list.len}[1 + ${group}]]`;

  // Layer 1: the household blocks that the range touches, with the block's hash.
  const blocks = `SELECT b, sha512(convert_to(${seed} || ':b:' || b, 'UTF8')) AS hb
    FROM generate_series(${int(Math.floor(from / BLOCK_SIZE))}::bigint, ${int(Math.floor((Math.max(to, 1) - 1) / BLOCK_SIZE))}::bigint) AS b
    OFFSET 0`;
  // Layer 2: the household: template, nationality, the head's age and names.
  const households = `SELECT b, hb, t,
      ${pick(c.workerNationalities, WORKER_NATIONALITIES.length, u16('hb', 2))} AS hh_nat,
      ${c.headMin}[1 + t] + ${u16('hb', 4)} % (${c.headMax}[1 + t] - ${c.headMin}[1 + t] + 1) AS head_age,
      ${u8('hb', 6)} AS spouse_gap,
      ${u16('hb', 8)} AS head_given, ${u16('hb', 10)} AS head_father, ${u16('hb', 12)} AS head_family,
      ${c.headCitizen}[1 + t] AS head_citizen
    FROM (SELECT b, hb, ${pick(c.templatePicks, TEMPLATE_PICKS.length, u16('hb', 0))} AS t FROM (${blocks}) l1 OFFSET 0) l2a
    OFFSET 0`;
  const households2 = `SELECT *,
      greatest(20, head_age - spouse_gap % 10) AS spouse_age,
      CASE WHEN head_citizen THEN 0 ELSE hh_nat END AS head_nat,
      (CASE WHEN head_citizen THEN 1 ELSE 2 END) * 100000000::bigint + ${int(SERIAL_BASE)} + b * ${BLOCK_SIZE} AS head_payload,
      (b * ${BLOCK_SIZE}) / ${CHUNK_SIZE} AS chunk
    FROM (${households}) l2 OFFSET 0`;
  // Layer 3: the persons of those blocks inside the range, with their role and own hash.
  const persons = `SELECT h.*, h.b * ${BLOCK_SIZE} + p AS i,
      ${c.templateRoles}[1 + h.t * ${BLOCK_SIZE} + p] AS role,
      greatest(0, least(h.spouse_age - 18, 30)) AS child_max,
      sha512(convert_to(${seed} || ':p:' || (h.b * ${BLOCK_SIZE} + p), 'UTF8')) AS hp
    FROM (${households2}) h CROSS JOIN generate_series(0, ${BLOCK_SIZE - 1}) AS p
    WHERE h.b * ${BLOCK_SIZE} + p >= ${int(from)} AND h.b * ${BLOCK_SIZE} + p < ${int(to)}
    OFFSET 0`;
  // Layer 4: the person's choices as numbers.
  const choices = `SELECT *,
      ${c.roleCitizen}[1 + role] AS citizen,
      ${c.roleRelation}[1 + role] AS rel,
      ${u8('hp', 32)} % 100 < ${c.roleFemale}[1 + role] AS female,
      CASE ${c.roleNationality}[1 + role]
        WHEN ${NAT.saudi} THEN 0
        WHEN ${NAT.household} THEN hh_nat
        WHEN ${NAT.worker} THEN ${pick(c.workerNationalities, WORKER_NATIONALITIES.length, u16('hp', 33))}
        ELSE ${pick(c.domesticNationalities, DOMESTIC_NATIONALITIES.length, u16('hp', 33))}
      END AS nat,
      CASE ${c.roleAgeMode}[1 + role]
        WHEN 0 THEN head_age
        WHEN 1 THEN spouse_age
        WHEN 2 THEN ${u16('hp', 41)} % (child_max + 1)
        ELSE ${c.roleAgeMin}[1 + role] + ${u16('hp', 41)} % (${c.roleAgeMax}[1 + role] - ${c.roleAgeMin}[1 + role] + 1)
      END AS age,
      (CASE WHEN ${c.roleCitizen}[1 + role] THEN 1 ELSE 2 END) * 100000000::bigint + ${int(SERIAL_BASE)} + i AS payload
    FROM (${persons}) l3 OFFSET 0`;
  // Layer 5: names, dates and documents.
  const g = `${c.nationalityGroup}[1 + nat]`;
  const details = `SELECT *,
      CASE WHEN rel = ${REL.head} THEN ${nameAt(c.male, c.male.ar, g, 'head_given')}
           WHEN female THEN ${nameAt(c.female, c.female.ar, g, u16('hp', 35))}
           ELSE ${nameAt(c.male, c.male.ar, g, u16('hp', 35))} END AS given_ar,
      CASE WHEN rel = ${REL.head} THEN ${nameAt(c.male, c.male.en, g, 'head_given')}
           WHEN female THEN ${nameAt(c.female, c.female.en, g, u16('hp', 35))}
           ELSE ${nameAt(c.male, c.male.en, g, u16('hp', 35))} END AS given_en,
      CASE WHEN rel = ${REL.head} THEN ${nameAt(c.male, c.male.ar, g, 'head_father')}
           WHEN rel = ${REL.child} THEN ${nameAt(c.male, c.male.ar, g, 'head_given')}
           ELSE ${nameAt(c.male, c.male.ar, g, u16('hp', 37))} END AS father_ar,
      CASE WHEN rel = ${REL.head} THEN ${nameAt(c.male, c.male.en, g, 'head_father')}
           WHEN rel = ${REL.child} THEN ${nameAt(c.male, c.male.en, g, 'head_given')}
           ELSE ${nameAt(c.male, c.male.en, g, u16('hp', 37))} END AS father_en,
      CASE WHEN rel IN (${REL.head}, ${REL.child}) THEN ${nameAt(c.family, c.family.ar, g, 'head_family')}
           ELSE ${nameAt(c.family, c.family.ar, g, u16('hp', 39))} END AS family_ar,
      CASE WHEN rel IN (${REL.head}, ${REL.child}) THEN ${nameAt(c.family, c.family.en, g, 'head_family')}
           ELSE ${nameAt(c.family, c.family.en, g, u16('hp', 39))} END AS family_en,
      ${c.groupThreePart}[1 + ${g}] AS three_part,
      ${isoDate(BIRTH_EPOCH)} - ((age * 36525) / 100 + ${u16('hp', 43)} % 365)::int AS birth,
      CASE WHEN age < 18 THEN ${DAYS_5_YEARS} WHEN ${u8('hp', 46)} % 2 = 1 THEN ${DAYS_10_YEARS} ELSE ${DAYS_5_YEARS} END AS validity,
      ${u8('hp', 47)} % 100 AS pp_bucket, ${u16('hp', 48)} AS pp_off,
      ${u8('hp', 51)} % 100 AS iq_bucket, ${u16('hp', 52)} AS iq_off
    FROM (${choices}) l4 OFFSET 0`;
  const documents = `SELECT *,
      CASE WHEN pp_bucket < 70 THEN ${asOf} + (181 + pp_off % (validity - 182))
           WHEN pp_bucket < 80 THEN ${asOf} + (1 + pp_off % 90)
           WHEN pp_bucket < 88 THEN ${asOf} + (91 + pp_off % 90)
           ELSE ${asOf} - (1 + pp_off % 1000) END AS pp_expires
    FROM (${details}) l5 OFFSET 0`;
  // Layer 6: the registry's columns.
  return `SELECT i, hp, nat, citizen,
      payload::text || ${luhn('payload')}::text AS id_number,
      CASE WHEN citizen THEN 'citizen' ELSE 'resident' END AS kind,
      given_ar || ' ' || CASE WHEN three_part THEN father_ar || ' ' ELSE '' END || family_ar AS name_ar,
      given_en || ' ' || CASE WHEN three_part THEN father_en || ' ' ELSE '' END || family_en AS name_en,
      CASE WHEN female THEN 'f' ELSE 'm' END AS gender,
      birth AS birth_date,
      ${c.nationalityCodes}[1 + nat] AS nationality,
      '+9665' || (10000000 + (i * ${MOBILE_STEP} + ${int(ctx.constants.mobileOffset)}) % ${MOBILE_SPACE})::text AS mobile,
      substring(hp FROM 1 FOR 16) AS fingerprint_right,
      substring(hp FROM 17 FOR 16) AS fingerprint_left,
      has_passport,
      CASE WHEN has_passport THEN ${c.passportPrefix}[1 + nat] || (10000000 + (i * ${PASSPORT_STEP} + ${int(ctx.constants.passportOffset)}) % ${PASSPORT_SPACE})::text END AS passport_number,
      CASE WHEN has_passport THEN pp_expires - validity + 1 END AS passport_issued_on,
      CASE WHEN has_passport THEN pp_expires END AS passport_expires_on,
      CASE WHEN citizen THEN NULL
           WHEN iq_bucket < 65 THEN ${asOf} + (61 + iq_off % 300)
           WHEN iq_bucket < 78 THEN ${asOf} + (1 + iq_off % 30)
           WHEN iq_bucket < 88 THEN ${asOf} + (31 + iq_off % 30)
           ELSE ${asOf} - (1 + iq_off % 120) END AS iqama_expires_on,
      CASE ${c.roleSponsor}[1 + role] WHEN ${SPONSOR.establishment} THEN 'establishment' WHEN ${SPONSOR.head} THEN 'person' END AS sponsor_kind,
      CASE ${c.roleSponsor}[1 + role]
        WHEN ${SPONSOR.establishment} THEN (${ESTABLISHMENT_BASE}::bigint + chunk * ${ESTABLISHMENTS_PER_CHUNK} + ${pick(c.establishmentPicks, ESTABLISHMENT_PICKS.length, u16('hp', 54))})::text
        WHEN ${SPONSOR.head} THEN head_payload::text || ${luhn('head_payload')}::text
      END AS sponsor_id,
      CASE ${c.roleProfession}[1 + role]
        WHEN ${PROF.worker} THEN ${c.professionCodes}[1 + CASE WHEN female
          THEN ${pick(c.femaleWork, FEMALE_WORKER_PROFESSIONS.length, u16('hp', 56))}
          ELSE ${pick(c.maleWork, MALE_WORKER_PROFESSIONS.length, u16('hp', 56))} END]
        WHEN ${PROF.domestic} THEN CASE WHEN female THEN 'domestic_worker' ELSE 'private_driver' END
        WHEN ${PROF.dependent} THEN CASE WHEN rel = ${REL.spouse} THEN 'housewife' WHEN age >= 6 THEN 'student' END
      END AS profession,
      CASE WHEN rel IN (${REL.head}, ${REL.spouse}) THEN 'married'
           WHEN rel = ${REL.child} OR age < 22 THEN 'single'
           ELSE ${c.marital}[1 + ${pick(c.adultMarital, ADULT_MARITAL.length, u8('hp', 45))}] END AS marital_status,
      CASE WHEN rel IN (${REL.spouse}, ${REL.child}) THEN head_payload::text || ${luhn('head_payload')}::text END AS head_id_number,
      CASE WHEN rel = ${REL.spouse} THEN 'spouse' WHEN rel = ${REL.child} THEN CASE WHEN female THEN 'daughter' ELSE 'son' END END AS relation
    FROM (SELECT *, (citizen = false OR ${u8('hp', 50)} % 100 < 80) AND pp_expires - validity + 1 >= birth AS has_passport
          FROM (${documents}) l6 OFFSET 0) l7`;
}

const PERSON_COLUMNS = [
  'id_number', 'kind', 'name_ar', 'name_en', 'gender', 'birth_date', 'nationality', 'mobile', 'fingerprint_right',
  'fingerprint_left', 'passport_number', 'passport_issued_on', 'passport_expires_on', 'iqama_expires_on',
  'sponsor_kind', 'sponsor_id', 'profession', 'marital_status',
].join(', ');

/** Inserts the registry rows of persons [from, to). */
export function insertPersonsSql(ctx: BulkContext, from: number, to: number): string {
  return `INSERT INTO registry_persons (${PERSON_COLUMNS}) SELECT ${PERSON_COLUMNS} FROM (${personsQuery(ctx, from, to)}) g`;
}

/**
 * Inserts the family links of persons [from, to) (a spouse or a child to the household's
 * head). A statement of its own rather than a second output of the persons' one: the
 * planner keeps only the columns a link needs, and materializing the chunk to feed two
 * inserts costs more than computing those columns again.
 */
export function insertFamilyLinksSql(ctx: BulkContext, from: number, to: number): string {
  return `INSERT INTO registry_family_links (head_id_number, member_id_number, relation)
    SELECT head_id_number, id_number, relation FROM (${personsQuery(ctx, from, to)}) g WHERE relation IS NOT NULL`;
}

/**
 * Inserts an active account for each of the persons [from, to), who must already be in the
 * registry: an account is read from its registry row (identity number, mobile, nationality)
 * rather than generated again, which halves the work. Each is activated through an office,
 * an ATM or a kiosk, drawn from a hash of the seed and the index; all share the one sandbox
 * password hash. The ids are made from the index, in ascending order, which keeps the
 * primary key's pages full.
 */
export function insertAccountsSql(ctx: BulkContext, from: number, to: number, a: AccountOptions): string {
  if (!(0 <= from && from <= to && to <= BULK_LIMIT)) throw new RangeError('range out of the seeded population');
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-8[0-9a-f]{3}-$/.test(a.accountIdPrefix)) throw new RangeError('bad account id prefix');
  const asOfTs = `(TIMESTAMPTZ ${lit(`${ctx.asOf}T00:00:00Z`)})`;
  const offices = textArray(a.officeIds);
  const atms = textArray(a.atmClientIds);
  const arabic = NATIONALITIES.filter((n) => n.language === 'ar').map((n) => lit(n.code));
  // Identity numbers are kind digit, serial (SERIAL_BASE + index), check digit: the range's
  // citizens and residents are two ranges of the primary key.
  const bound = (kind: 1 | 2, index: number) => lit(`${kind}${SERIAL_BASE + index}0`);
  const inRange = (kind: 1 | 2) => `(id_number >= ${bound(kind, from)} AND id_number < ${bound(kind, to)})`;
  return `INSERT INTO accounts (id, id_number, username, email, mobile, language, status, password_hash, terms_version,
      created_at, activation_channel, activation_location, activated_at)
    SELECT (${lit(a.accountIdPrefix)} || lpad(to_hex(i), 12, '0'))::uuid, id_number, 'u' || id_number, NULL, mobile,
      CASE WHEN nationality IN (${arabic.join(', ')}) THEN 'ar' ELSE 'en' END, 'active', ${lit(a.passwordHash)}, ${int(a.termsVersion)},
      created_at, channel, CASE channel
        WHEN 'office' THEN ${pick(offices, a.officeIds.length, u8('ha', 1))}
        WHEN 'atm' THEN ${pick(atms, a.atmClientIds.length, u8('ha', 1))}
        ELSE ${lit(a.kioskClientId)} END,
      least(created_at + make_interval(days => ${u8('ha', 4)} % 14, hours => 2), ${asOfTs})
    FROM (SELECT *,
        CASE WHEN ${u8('ha', 0)} % 100 < 40 THEN 'office' WHEN ${u8('ha', 0)} % 100 < 75 THEN 'atm' ELSE 'kiosk' END AS channel,
        ${asOfTs} - make_interval(days => 1 + ${u16('ha', 2)} % 1500) + make_interval(hours => ${u8('ha', 5)} % 24) AS created_at
      FROM (SELECT id_number, mobile, nationality, i, sha256(convert_to(${lit(ctx.constants.seedText)} || ':a:' || i, 'UTF8')) AS ha
        FROM (SELECT id_number, mobile, nationality, substring(id_number FROM 2 FOR 8)::bigint - ${int(SERIAL_BASE)} AS i
          FROM registry_persons WHERE ${inRange(1)} OR ${inRange(2)} OFFSET 0) r
        OFFSET 0) h
      ORDER BY i) q`;
}

/** Names, regions and cities the synthetic establishments are drawn from. */
const ESTABLISHMENT_BRANDS: ReadonlyArray<[string, string]> = [
  ['النخبة', 'Al-Nukhba'], ['الرواد', 'Al-Rowad'], ['الأفق', 'Al-Ofuq'], ['البناء الحديث', 'Modern Building'],
  ['الخليج', 'Al-Khaleej'], ['الوفاء', 'Al-Wafa'], ['السلام', 'Al-Salam'], ['المستقبل', 'Al-Mustaqbal'],
];
const ESTABLISHMENT_TRADES: ReadonlyArray<[string, string]> = [
  ['للمقاولات', 'Contracting'], ['للتجارة', 'Trading'], ['للصيانة', 'Maintenance'], ['للخدمات اللوجستية', 'Logistics'],
  ['للإعاشة', 'Catering'], ['للنظافة', 'Cleaning Services'], ['للخدمات الطبية', 'Medical Services'], ['للصناعة', 'Industries'],
];
export const ESTABLISHMENT_PLACES: ReadonlyArray<[string, string]> = [
  ['riyadh', 'Riyadh'], ['riyadh', 'Riyadh'], ['makkah', 'Jeddah'], ['makkah', 'Makkah'], ['madinah', 'Madinah'],
  ['eastern', 'Dammam'], ['eastern', 'Jubail'], ['asir', 'Abha'], ['qassim', 'Buraydah'], ['tabuk', 'Tabuk'],
];

/**
 * Inserts into the labour ministry's sandbox the synthetic establishments that the persons
 * [from, to) may work for (every chunk's ESTABLISHMENTS_PER_CHUNK numbers), those that at
 * least one resident refers to, in one INSERT ... SELECT; establishments already there (a
 * persona's, or one from an earlier run) are kept as they are. The owner is a citizen of the
 * same chunk drawn from the establishment's hash: the first at or after a drawn position, or
 * the chunk's first citizen.
 */
export function insertEstablishmentsSql(ctx: BulkContext, from: number, to: number): string {
  if (!(0 <= from && from < to && to <= BULK_LIMIT)) throw new RangeError('range out of the seeded population');
  const seed = lit(ctx.constants.seedText);
  const brandsAr = textArray(ESTABLISHMENT_BRANDS.map((b) => b[0]));
  const brandsEn = textArray(ESTABLISHMENT_BRANDS.map((b) => b[1]));
  const tradesAr = textArray(ESTABLISHMENT_TRADES.map((b) => b[0]));
  const tradesEn = textArray(ESTABLISHMENT_TRADES.map((b) => b[1]));
  const regions = textArray(ESTABLISHMENT_PLACES.map((p) => p[0]));
  const cities = textArray(ESTABLISHMENT_PLACES.map((p) => p[1]));
  // A citizen's identity number at index i of the population, without its check digit: a lower bound.
  // Typed as the column is (char(10)): compared as text, the primary key's index would not serve
  // and each owner would be looked for by reading the whole registry.
  const citizenAt = (i: string) => `('1' || (${int(SERIAL_BASE)} + ${i})::text || '0')::char(10)`;
  const ownerFrom = (start: string) =>
    `(SELECT id_number FROM registry_persons WHERE id_number >= ${citizenAt(start)} AND id_number < ${citizenAt(`(c + 1) * ${CHUNK_SIZE}`)} ORDER BY id_number LIMIT 1)`;
  return `INSERT INTO sandbox_establishments (id, cr_number, labour_file, name_ar, name_en, region, city, owner_id_number)
    SELECT id, '10' || lpad((n % 100000000)::text, 8, '0'), '1-' || (100000 + n % 900000)::text,
      'مؤسسة ' || ${pick(brandsAr, ESTABLISHMENT_BRANDS.length, u8('h', 0))} || ' ' || ${pick(tradesAr, ESTABLISHMENT_TRADES.length, u8('h', 1))},
      ${pick(brandsEn, ESTABLISHMENT_BRANDS.length, u8('h', 0))} || ' ' || ${pick(tradesEn, ESTABLISHMENT_TRADES.length, u8('h', 1))} || ' Est.',
      ${pick(regions, ESTABLISHMENT_PLACES.length, u8('h', 2))}, ${pick(cities, ESTABLISHMENT_PLACES.length, u8('h', 2))}, owner
    FROM (SELECT *, coalesce(${ownerFrom(`c * ${CHUNK_SIZE} + ${u16('h', 3)} % ${CHUNK_SIZE}`)}, ${ownerFrom(`c * ${CHUNK_SIZE}`)}) AS owner
      FROM (SELECT c, n, n::text AS id, sha256(convert_to(${seed} || ':e:' || n, 'UTF8')) AS h
        FROM (SELECT c, ${ESTABLISHMENT_BASE}::bigint + c * ${ESTABLISHMENTS_PER_CHUNK} + k AS n
          FROM generate_series(${int(Math.floor(from / CHUNK_SIZE))}::bigint, ${int(Math.floor((to - 1) / CHUNK_SIZE))}::bigint) AS c
          CROSS JOIN generate_series(0, ${ESTABLISHMENTS_PER_CHUNK - 1}) AS k) e0
        WHERE EXISTS (SELECT 1 FROM registry_persons w WHERE w.sponsor_kind = 'establishment' AND w.sponsor_id = (e0.n)::text)
        OFFSET 0) e
      OFFSET 0) o
    WHERE owner IS NOT NULL
    ON CONFLICT (id) DO NOTHING`;
}
