// The sandbox population registry: the synthetic people in registry_persons (seeded by
// ../../modules/sandbox/seed.ts), answered as the real registry would.
import { and, asc, count, desc, eq, ilike, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isConstant } from '../../db/predicates';
import { registryFamilyLinks, registryPersons } from '../../db/schema';
import { safeEqual } from '../../platform/crypto';
import { AgencyUnavailableError, type EstablishmentWorker, type FamilyLink, type FingerprintTemplates, type PopulationRegistry, type RegistryPerson, type WorkersQuery } from './port';

type Row = typeof registryPersons.$inferSelect;

export class SandboxPopulationRegistry implements PopulationRegistry {
  private down = false;
  // The registry's hot reads (every e-service asks them, at submission and at fulfilment),
  // built once and planned once per connection.
  private readonly byId;
  private readonly linksOfHead;

  constructor(private readonly db: Db) {
    this.byId = db.select().from(registryPersons).where(eq(registryPersons.idNumber, sql.placeholder('id'))).limit(1).prepare('registry_person');
    this.linksOfHead = db.select().from(registryFamilyLinks).where(eq(registryFamilyLinks.headIdNumber, sql.placeholder('head'))).prepare('registry_family_of');
  }

  /** Simulates an outage: every call throws AgencyUnavailableError until set back. */
  setDown(down: boolean): void {
    this.down = down;
  }

  async findPerson(idNumber: string): Promise<RegistryPerson | null> {
    const row = await this.row(idNumber);
    return row ? toPerson(row) : null;
  }

  async matchFingerprints(idNumber: string, templates: FingerprintTemplates): Promise<boolean> {
    const row = await this.row(idNumber);
    if (!row) return false;
    const right = decodeTemplate(templates.rightIndex);
    const left = decodeTemplate(templates.leftIndex);
    // Both must match; evaluate both so the time does not tell which one failed.
    const r = safeEqual(right, row.fingerprintRight);
    const l = safeEqual(left, row.fingerprintLeft);
    return r && l;
  }

  async hasFingerprints(idNumber: string): Promise<boolean> {
    const row = await this.row(idNumber);
    return !!row && row.fingerprintRight.length > 0 && row.fingerprintLeft.length > 0;
  }

  async familyOf(headIdNumber: string): Promise<FamilyLink[]> {
    this.check();
    return this.linksOfHead.execute({ head: headIdNumber });
  }

  async headsOf(memberIdNumber: string): Promise<FamilyLink[]> {
    this.check();
    return this.db.select().from(registryFamilyLinks).where(eq(registryFamilyLinks.memberIdNumber, memberIdNumber));
  }

  async sponsoredBy(sponsorIdNumber: string): Promise<RegistryPerson[]> {
    this.check();
    const rows = await this.db
      .select()
      .from(registryPersons)
      .where(and(eq(registryPersons.sponsorKind, 'person'), eq(registryPersons.sponsorId, sponsorIdNumber)))
      .orderBy(registryPersons.idNumber)
      .limit(500);
    return rows.map(toPerson);
  }

  async recordPassport(idNumber: string, passport: { number: string; issuedOn: string; expiresOn: string }): Promise<void> {
    this.check();
    await this.db
      .update(registryPersons)
      .set({ passportNumber: passport.number, passportIssuedOn: passport.issuedOn, passportExpiresOn: passport.expiresOn })
      .where(eq(registryPersons.idNumber, idNumber));
  }

  async establishmentWorkers(establishmentId: string, q: WorkersQuery): Promise<{ total: number; persons: EstablishmentWorker[] }> {
    this.check();
    const p = registryPersons;
    // The kind is written out (not bound) so that the planner matches the partial indexes on it.
    const where: SQL[] = [isConstant(p.sponsorKind, 'establishment'), eq(p.sponsorId, establishmentId)];
    if (q.search) {
      const term = q.search.replace(/[\\%_]/g, (c) => `\\${c}`);
      where.push(/^\d+$/.test(q.search) ? like(p.idNumber, `${term}%`) : or(ilike(p.nameEn, `%${term}%`), like(p.nameAr, `%${term}%`))!);
    }
    if (q.nationality) where.push(eq(p.nationality, q.nationality));
    if (q.profession) where.push(eq(p.profession, q.profession));
    if (q.expiringBy) where.push(or(lte(p.iqamaExpiresOn, q.expiringBy), lte(p.passportExpiresOn, q.expiringBy), sql`${p.iqamaExpiresOn} is null`)!);
    const column = { name: p.nameEn, id_number: p.idNumber, iqama_expiry: p.iqamaExpiresOn, passport_expiry: p.passportExpiresOn }[q.sort];
    const dir = q.order === 'desc' ? desc : asc;
    // The page's keys are found first, from the sort's index alone (sponsor, sort column,
    // identity number), and only those rows are then read: reading whole rows while skipping to
    // an offset reads every row before it, and with an establishment's thousands of workers in
    // a registry of millions the planner would rather sort them all (tens of milliseconds).
    const keys = this.db
      .select({ idNumber: p.idNumber, sortKey: sql`${column}`.as('sort_key') })
      .from(p)
      .where(and(...where))
      .orderBy(dir(column), dir(p.idNumber))
      .offset(q.offset)
      .limit(q.limit)
      .as('page_keys');
    const [rows, [c]] = await Promise.all([
      this.db.select(workerColumns).from(keys).innerJoin(p, eq(p.idNumber, keys.idNumber)).orderBy(dir(keys.sortKey), dir(keys.idNumber)),
      this.db.select({ n: count() }).from(p).where(and(...where)),
    ]);
    return { total: Number(c?.n ?? 0), persons: rows.map(toWorker) };
  }

  async establishmentNationalities(establishmentId: string): Promise<Array<{ code: string; count: number }>> {
    this.check();
    const p = registryPersons;
    const rows = await this.db
      .select({ code: p.nationality, n: count() })
      .from(p)
      .where(and(isConstant(p.sponsorKind, 'establishment'), eq(p.sponsorId, establishmentId)))
      .groupBy(p.nationality)
      .orderBy(p.nationality);
    return rows.map((r) => ({ code: r.code, count: Number(r.n) }));
  }

  async recordIqama(idNumber: string, iqama: { expiresOn: string }): Promise<void> {
    this.check();
    await this.db.update(registryPersons).set({ iqamaExpiresOn: iqama.expiresOn }).where(and(eq(registryPersons.idNumber, idNumber), eq(registryPersons.kind, 'resident')));
  }

  async recordSponsor(idNumber: string, sponsor: { kind: 'establishment' | 'person'; id: string }): Promise<void> {
    this.check();
    await this.db.update(registryPersons).set({ sponsorKind: sponsor.kind, sponsorId: sponsor.id }).where(and(eq(registryPersons.idNumber, idNumber), eq(registryPersons.kind, 'resident')));
  }

  async recordProfession(idNumber: string, profession: string): Promise<void> {
    this.check();
    await this.db.update(registryPersons).set({ profession }).where(eq(registryPersons.idNumber, idNumber));
  }

  private check(): void {
    if (this.down) throw new AgencyUnavailableError('population_registry');
  }

  private async row(idNumber: string): Promise<Row | undefined> {
    this.check();

    const [row] = await this.byId.execute({ id: idNumber });
    return row;
  }
}

/** Templates travel as base64url text. */
export function encodeTemplate(bytes: Buffer): string {
  return bytes.toString('base64url');
}

function decodeTemplate(text: string): Buffer {
  return /^[A-Za-z0-9_-]{1,8192}$/.test(text) ? Buffer.from(text, 'base64url') : Buffer.alloc(0);
}

/** The columns the workers view reads (EstablishmentWorker), and no other. */
const workerColumns = {
  idNumber: registryPersons.idNumber,
  kind: registryPersons.kind,
  nameAr: registryPersons.nameAr,
  nameEn: registryPersons.nameEn,
  nationality: registryPersons.nationality,
  passportNumber: registryPersons.passportNumber,
  passportIssuedOn: registryPersons.passportIssuedOn,
  passportExpiresOn: registryPersons.passportExpiresOn,
  iqamaExpiresOn: registryPersons.iqamaExpiresOn,
  profession: registryPersons.profession,
};

type WorkerRow = Pick<Row, keyof typeof workerColumns>;

function toWorker(row: WorkerRow): EstablishmentWorker {
  return {
    idNumber: row.idNumber,
    name: { ar: row.nameAr, en: row.nameEn },
    nationality: row.nationality,
    passport:
      row.passportNumber && row.passportIssuedOn && row.passportExpiresOn
        ? { number: row.passportNumber, issuedOn: row.passportIssuedOn, expiresOn: row.passportExpiresOn }
        : null,
    iqama: row.kind === 'resident' && row.iqamaExpiresOn ? { number: row.idNumber, expiresOn: row.iqamaExpiresOn } : null,
    profession: row.profession,
  };
}

export function toPerson(row: Row): RegistryPerson {
  return {
    ...toWorker(row),
    kind: row.kind,
    gender: row.gender === 'f' ? 'f' : 'm',
    birthDate: row.birthDate,
    mobile: row.mobile,
    sponsor: row.sponsorKind && row.sponsorId ? { kind: row.sponsorKind, id: row.sponsorId } : null,
    maritalStatus: row.maritalStatus,
    arrivedOn: row.arrivedOn,
  };
}
