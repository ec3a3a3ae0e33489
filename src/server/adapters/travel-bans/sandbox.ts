import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sandboxTravelBans } from '../../db/schema';
import type { TravelBans } from './port';

export class SandboxTravelBans implements TravelBans {
  private readonly ban;
  constructor(db: Db) {
    this.ban = db.select({ id: sandboxTravelBans.idNumber }).from(sandboxTravelBans).where(eq(sandboxTravelBans.idNumber, sql.placeholder('id'))).limit(1).prepare('travel_ban');
  }

  async isBanned(idNumber: string): Promise<boolean> {
    const [row] = await this.ban.execute({ id: idNumber });
    return !!row;
  }
}
