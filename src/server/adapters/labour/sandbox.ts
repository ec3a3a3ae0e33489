// The sandbox labour ministry over the synthetic data: establishments in
// sandbox_establishments, their workers being the registry's residents they sponsor. A
// worker holds a permit for their registered profession until their iqama expires (a year
// from arrival before the first iqama) unless sandbox_labour_workers says otherwise.
import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registryPersons, sandboxEstablishments, sandboxLabourApprovals, sandboxLabourWorkers } from '../../db/schema';
import { PROFESSIONS } from '../../../domain/synthetic/catalogue';
import { addDays } from '../../../domain/calendar';
import type { Clock } from '../../platform/clock';
import type { SandboxFaults } from '../sandbox-faults';
import type { Approval, ApprovalRequest, Establishment, LabourMinistry, Profession, WorkerRecord } from './port';

/** Professions for which a worker is a domestic worker (outside the labour law's establishments). */
export const DOMESTIC_PROFESSIONS: ReadonlySet<string> = new Set(['domestic_worker', 'private_driver']);
/** Registry entries that are not professions one can be employed in. */
const NOT_EMPLOYMENT = new Set(['housewife', 'student']);

export class SandboxLabourMinistry implements LabourMinistry {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    readonly faults: SandboxFaults,
  ) {}

  async findEstablishment(id: string): Promise<Establishment | null> {
    await this.faults.enter();
    const [row] = await this.db.select().from(sandboxEstablishments).where(eq(sandboxEstablishments.id, id)).limit(1);
    return row ? this.withCount(row) : null;
  }

  async establishmentsOwnedBy(idNumber: string): Promise<Establishment[]> {
    await this.faults.enter();
    const rows = await this.db.select().from(sandboxEstablishments).where(eq(sandboxEstablishments.ownerIdNumber, idNumber)).orderBy(sandboxEstablishments.id);
    return Promise.all(rows.map((r) => this.withCount(r)));
  }

  async findWorker(idNumber: string): Promise<WorkerRecord | null> {
    await this.faults.enter();
    const [row] = await this.db
      .select({ person: registryPersons, labour: sandboxLabourWorkers })
      .from(registryPersons)
      .leftJoin(sandboxLabourWorkers, eq(sandboxLabourWorkers.idNumber, registryPersons.idNumber))
      .where(and(eq(registryPersons.idNumber, idNumber), eq(registryPersons.sponsorKind, 'establishment')))
      .limit(1);
    if (!row || !row.person.sponsorId) return null;
    const p = row.person;
    const defaultPermit = p.iqamaExpiresOn ?? (p.arrivedOn ? addDays(p.arrivedOn, 365) : null);
    return {
      idNumber,
      establishmentId: p.sponsorId!,
      profession: p.profession,
      permitExpiresOn: row.labour ? row.labour.permitExpiresOn : defaultPermit,
      absentFromWork: row.labour?.absentFromWork ?? false,
    };
  }

  async professions(): Promise<Profession[]> {
    await this.faults.enter();
    return PROFESSIONS.filter((p) => !NOT_EMPLOYMENT.has(p.code)).map((p) => ({ code: p.code, name: { ar: p.ar, en: p.en }, domestic: DOMESTIC_PROFESSIONS.has(p.code) }));
  }

  async requestApproval(request: ApprovalRequest): Promise<Approval> {
    await this.faults.enter();
    const decided = this.faults.refuses(request.reference)
      ? { approved: false, reason: 'refused_by_labour_ministry' }
      : { approved: true, reason: null };
    // The first answer to a reference stands.
    await this.db
      .insert(sandboxLabourApprovals)
      .values({ ...request, ...decided, askedAt: this.clock.now() })
      .onConflictDoNothing();
    const [row] = await this.db.select().from(sandboxLabourApprovals).where(eq(sandboxLabourApprovals.reference, request.reference)).limit(1);
    return { approved: row!.approved, reason: row!.reason };
  }

  private async withCount(row: typeof sandboxEstablishments.$inferSelect): Promise<Establishment> {
    const [c] = await this.db
      .select({ n: count() })
      .from(registryPersons)
      .where(and(eq(registryPersons.sponsorId, row.id), eq(registryPersons.sponsorKind, 'establishment')));
    return {
      id: row.id,
      crNumber: row.crNumber,
      labourFile: row.labourFile,
      name: { ar: row.nameAr, en: row.nameEn },
      region: row.region,
      city: row.city,
      ownerIdNumber: row.ownerIdNumber,
      workerCount: Number(c?.n ?? 0),
    };
  }
}
