// The traffic department's API: GET {url}/persons/{idNumber}/unpaid-fines → {"totalHalalas": n}.
import { z } from 'zod';
import { AgencyClient, type AgencyClientOptions } from '../agency-http';
import type { TrafficAgency } from './port';

const fines = z.object({ totalHalalas: z.number() });

export class HttpTrafficAgency implements TrafficAgency {
  private readonly client: AgencyClient;

  constructor(opts: AgencyClientOptions) {
    this.client = new AgencyClient('traffic', opts);
  }

  async unpaidFinesHalalas(idNumber: string): Promise<number> {
    const res = await this.client.call('GET', `/persons/${idNumber}/unpaid-fines`);
    return res.status === 404 ? 0 : (await res.read(fines)).totalHalalas;
  }
}
