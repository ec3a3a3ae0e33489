// The sandbox health ministry: examination results and insurance in sandbox_medical; a
// person without a row was never examined and is not insured.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sandboxMedical } from '../../db/schema';
import type { SandboxFaults } from '../sandbox-faults';
import type { HealthMinistry, MedicalRecord } from './port';

export class SandboxHealthMinistry implements HealthMinistry {
  constructor(
    private readonly db: Db,
    readonly faults: SandboxFaults,
  ) {}

  async medicalRecord(idNumber: string): Promise<MedicalRecord> {
    await this.faults.enter();
    const [row] = await this.db.select().from(sandboxMedical).where(eq(sandboxMedical.idNumber, idNumber)).limit(1);
    return {
      exam: row?.examResult && row.examinedOn ? { result: row.examResult, examinedOn: row.examinedOn } : null,
      insuredUntil: row?.insuredUntil ?? null,
    };
  }
}
