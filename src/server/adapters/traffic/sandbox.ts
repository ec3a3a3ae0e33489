import { and, eq, sum } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sandboxTrafficFines } from '../../db/schema';
import { AgencyUnavailableError } from '../population-registry/port';
import type { TrafficAgency } from './port';

export class SandboxTrafficAgency implements TrafficAgency {
  private down = false;
  constructor(private readonly db: Db) {}

  setDown(down: boolean): void {
    this.down = down;
  }

  async unpaidFinesHalalas(idNumber: string): Promise<number> {
    if (this.down) throw new AgencyUnavailableError('traffic');
    const [row] = await this.db
      .select({ total: sum(sandboxTrafficFines.amountHalalas) })
      .from(sandboxTrafficFines)
      .where(and(eq(sandboxTrafficFines.idNumber, idNumber), eq(sandboxTrafficFines.paid, false)));
    return Number(row?.total ?? 0);
  }
}
