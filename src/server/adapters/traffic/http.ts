// The traffic department's API: GET {url}/persons/{idNumber}/unpaid-fines → {"totalHalalas": n}.
import { AgencyClient, type AgencyClientOptions } from '../agency-http';
import { AgencyUnavailableError } from '../population-registry/port';
import type { TrafficAgency } from './port';

export class HttpTrafficAgency implements TrafficAgency {
  private readonly client: AgencyClient;

  constructor(opts: AgencyClientOptions) {
    this.client = new AgencyClient('traffic', opts);
  }

  async unpaidFinesHalalas(idNumber: string): Promise<number> {
    const res = await this.client.call('GET', `/persons/${idNumber}/unpaid-fines`);
    if (res.status === 404) return 0;
    const body = (await res.json().catch(() => null)) as { totalHalalas?: unknown } | null;
    if (!res.ok || typeof body?.totalHalalas !== 'number') throw new AgencyUnavailableError('traffic', new Error(`status ${res.status}`), res.ok ? 'malformed answer' : `status ${res.status}`);
    return body.totalHalalas;
  }
}
