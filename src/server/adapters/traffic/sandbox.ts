import { and, eq, sql, sum } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sandboxTrafficFines } from '../../db/schema';
import { AgencyUnavailableError } from '../population-registry/port';
import type { TrafficAgency } from './port';

export class SandboxTrafficAgency implements TrafficAgency {
  private down = false;
  private readonly unpaid;
  constructor(db: Db) {
    this.unpaid = db
      .select({ total: sum(sandboxTrafficFines.amountHalalas) })
      .from(sandboxTrafficFines)
      .where(and(eq(sandboxTrafficFines.idNumber, sql.placeholder('id')), eq(sandboxTrafficFines.paid, false)))
      .prepare('traffic_unpaid_fines');
  }

  setDown(down: boolean): void {
    this.down = down;
  }

  async unpaidFinesHalalas(idNumber: string): Promise<number> {
    if (this.down) throw new AgencyUnavailableError('traffic');
    const [row] = await this.unpaid.execute({ id: idNumber });
    return Number(row?.total ?? 0);
  }
}
