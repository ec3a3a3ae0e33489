// The bans register's API: GET {url}/persons/{idNumber}/travel-ban → {"banned": boolean}.
import { AgencyClient, type AgencyClientOptions } from '../agency-http';
import { AgencyUnavailableError } from '../population-registry/port';
import type { TravelBans } from './port';

export class HttpTravelBans implements TravelBans {
  private readonly client: AgencyClient;

  constructor(opts: AgencyClientOptions) {
    this.client = new AgencyClient('travel_bans', opts);
  }

  async isBanned(idNumber: string): Promise<boolean> {
    const res = await this.client.call('GET', `/persons/${idNumber}/travel-ban`);
    const body = (await res.json().catch(() => null)) as { banned?: unknown } | null;
    if (!res.ok || typeof body?.banned !== 'boolean') throw new AgencyUnavailableError('travel_bans', new Error(`status ${res.status}`), res.ok ? 'malformed answer' : `status ${res.status}`);
    return body.banned;
  }
}
