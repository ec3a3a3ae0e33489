// The health ministry reached over HTTP, with a bearer token:
//   GET {url}/persons/{idNumber}/medical → 200 {exam: {result, examinedOn} | null, insuredUntil: date | null} | 404 (unknown: no record)
import { z } from 'zod';
import { AgencyClient, type AgencyClientOptions } from '../agency-http';
import type { HealthMinistry, MedicalRecord } from './port';

const AGENCY = 'health_ministry';
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const record = z.object({
  exam: z.object({ result: z.enum(['fit', 'unfit']), examinedOn: date }).nullable(),
  insuredUntil: date.nullable(),
});

export class HttpHealthMinistry implements HealthMinistry {
  private readonly client: AgencyClient;

  constructor(opts: AgencyClientOptions) {
    this.client = new AgencyClient(AGENCY, opts);
  }

  async medicalRecord(idNumber: string): Promise<MedicalRecord> {
    const res = await this.client.call('GET', `/persons/${idNumber}/medical`);
    return res.status === 404 ? { exam: null, insuredUntil: null } : res.read(record);
  }
}
