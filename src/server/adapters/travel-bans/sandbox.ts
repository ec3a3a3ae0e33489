import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sandboxTravelBans } from '../../db/schema';
import type { TravelBans } from './port';

export class SandboxTravelBans implements TravelBans {
  constructor(private readonly db: Db) {}

  async isBanned(idNumber: string): Promise<boolean> {
    const [row] = await this.db.select({ id: sandboxTravelBans.idNumber }).from(sandboxTravelBans).where(eq(sandboxTravelBans.idNumber, idNumber)).limit(1);
    return !!row;
  }
}
