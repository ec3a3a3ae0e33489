// The bans register's API: GET {url}/persons/{idNumber}/travel-ban → {"banned": boolean}.
import { AgencyUnavailableError } from '../population-registry/port';
import type { TravelBans } from './port';

export class HttpTravelBans implements TravelBans {
  constructor(private readonly opts: { url: string; token: string; timeoutMs?: number; fetch?: typeof fetch }) {}

  async isBanned(idNumber: string): Promise<boolean> {
    let res: Response;
    try {
      res = await (this.opts.fetch ?? fetch)(`${this.opts.url.replace(/\/$/, '')}/persons/${idNumber}/travel-ban`, {
        headers: { authorization: `Bearer ${this.opts.token}` },
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
      });
    } catch (err) {
      throw new AgencyUnavailableError('travel_bans', err);
    }
    const body = (await res.json().catch(() => null)) as { banned?: unknown } | null;
    if (!res.ok || typeof body?.banned !== 'boolean') throw new AgencyUnavailableError('travel_bans', new Error(`status ${res.status}`));
    return body.banned;
  }
}
