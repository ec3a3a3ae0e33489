// The traffic department's API: GET {url}/persons/{idNumber}/unpaid-fines → {"totalHalalas": n}.
import { AgencyUnavailableError } from '../population-registry/port';
import type { TrafficAgency } from './port';

export class HttpTrafficAgency implements TrafficAgency {
  constructor(private readonly opts: { url: string; token: string; timeoutMs?: number; fetch?: typeof fetch }) {}

  async unpaidFinesHalalas(idNumber: string): Promise<number> {
    let res: Response;
    try {
      res = await (this.opts.fetch ?? fetch)(`${this.opts.url.replace(/\/$/, '')}/persons/${idNumber}/unpaid-fines`, {
        headers: { authorization: `Bearer ${this.opts.token}` },
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
      });
    } catch (err) {
      throw new AgencyUnavailableError('traffic', err);
    }
    if (res.status === 404) return 0;
    const body = (await res.json().catch(() => null)) as { totalHalalas?: unknown } | null;
    if (!res.ok || typeof body?.totalHalalas !== 'number') throw new AgencyUnavailableError('traffic', new Error(`status ${res.status}`));
    return body.totalHalalas;
  }
}
