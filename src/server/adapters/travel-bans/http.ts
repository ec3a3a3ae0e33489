// The bans register's API: GET {url}/persons/{idNumber}/travel-ban → {"banned": boolean}.
import { z } from 'zod';
import { AgencyClient, type AgencyClientOptions } from '../agency-http';
import type { TravelBans } from './port';

const ban = z.object({ banned: z.boolean() });

export class HttpTravelBans implements TravelBans {
  private readonly client: AgencyClient;

  constructor(opts: AgencyClientOptions) {
    this.client = new AgencyClient('travel_bans', opts);
  }

  async isBanned(idNumber: string): Promise<boolean> {
    const res = await this.client.call('GET', `/persons/${idNumber}/travel-ban`);
    return (await res.read(ban)).banned;
  }
}
