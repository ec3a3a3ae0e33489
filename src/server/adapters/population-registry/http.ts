// The population registry reached over HTTP (the national information center's API):
//   GET  {url}/persons/{idNumber}                      → 200 RegistryPerson | 404
//   POST {url}/persons/{idNumber}/fingerprint-matches  {rightIndex, leftIndex} → 200 {"match": boolean}
//   GET  {url}/persons/{idNumber}/fingerprints         → 200 {"onFile": boolean}
//   GET  {url}/persons/{idNumber}/family               → 200 [FamilyLink] (members under this head)
//   GET  {url}/persons/{idNumber}/heads                → 200 [FamilyLink] (heads this member is under)
//   GET  {url}/sponsors/{idNumber}/persons             → 200 [RegistryPerson]
//   PUT  {url}/persons/{idNumber}/passport             {number, issuedOn, expiresOn} → 204
//   PUT  {url}/persons/{idNumber}/iqama                {expiresOn} → 204
//   PUT  {url}/persons/{idNumber}/sponsor              {kind, id} → 204
//   PUT  {url}/persons/{idNumber}/profession           {profession} → 204
//   GET  {url}/establishments/{id}/workers?search&nationality&profession&expiringBy&sort&order&offset&limit
//                                                      → 200 {total, persons: [RegistryPerson]}
//   GET  {url}/establishments/{id}/workers/nationalities → 200 [{code, count}]
// with a bearer token. A network failure, a timeout or a 5xx is AgencyUnavailableError (503).
import { z } from 'zod';
import { AgencyClient, type AgencyClientOptions } from '../agency-http';
import { type EstablishmentWorker, type FamilyLink, type FingerprintTemplates, type PopulationRegistry, type RegistryPerson, type WorkersQuery } from './port';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const personSchema = z.object({
  idNumber: z.string().regex(/^[12]\d{9}$/),
  kind: z.enum(['citizen', 'resident']),
  name: z.object({ ar: z.string(), en: z.string() }),
  gender: z.enum(['m', 'f']),
  birthDate: date,
  nationality: z.string().length(3),
  mobile: z.string().regex(/^\+9665\d{8}$/),
  passport: z.object({ number: z.string(), issuedOn: date, expiresOn: date }).nullable(),
  iqama: z.object({ number: z.string(), expiresOn: date }).nullable(),
  sponsor: z.object({ kind: z.enum(['establishment', 'person']), id: z.string() }).nullable(),
  profession: z.string().nullable(),
  maritalStatus: z.enum(['single', 'married', 'divorced', 'widowed']).nullable(),
  arrivedOn: date.nullable().optional(),
});

/** A worker as the workers view reads them; whatever else the registry sends is dropped. */
const workerSchema = personSchema.pick({ idNumber: true, name: true, nationality: true, passport: true, iqama: true, profession: true });

const nationalityCount = z.object({ code: z.string().length(3), count: z.number().int().min(0) });

const linkSchema = z.object({
  headIdNumber: z.string(),
  memberIdNumber: z.string(),
  relation: z.enum(['spouse', 'son', 'daughter', 'father', 'mother']),
});

export class HttpPopulationRegistry implements PopulationRegistry {
  private readonly client: AgencyClient;

  constructor(opts: AgencyClientOptions) {
    this.client = new AgencyClient('population_registry', opts);
  }

  async findPerson(idNumber: string): Promise<RegistryPerson | null> {
    const res = await this.client.call('GET', `/persons/${idNumber}`);
    return res.status === 404 ? null : res.read(personSchema);
  }

  async matchFingerprints(idNumber: string, templates: FingerprintTemplates): Promise<boolean> {
    const res = await this.client.call('POST', `/persons/${idNumber}/fingerprint-matches`, templates);
    if (res.status === 404) return false;
    const body = (await res.json().catch(() => null)) as { match?: unknown } | null;
    return body?.match === true;
  }

  async hasFingerprints(idNumber: string): Promise<boolean> {
    const res = await this.client.call('GET', `/persons/${idNumber}/fingerprints`);
    if (res.status === 404) return false;
    const body = (await res.json().catch(() => null)) as { onFile?: unknown } | null;
    return body?.onFile === true;
  }

  familyOf(idNumber: string): Promise<FamilyLink[]> {
    return this.list(`/persons/${idNumber}/family`, linkSchema);
  }

  headsOf(idNumber: string): Promise<FamilyLink[]> {
    return this.list(`/persons/${idNumber}/heads`, linkSchema);
  }

  sponsoredBy(idNumber: string): Promise<RegistryPerson[]> {
    return this.list(`/sponsors/${idNumber}/persons`, personSchema);
  }

  async recordPassport(idNumber: string, passport: { number: string; issuedOn: string; expiresOn: string }): Promise<void> {
    return this.put(`/persons/${idNumber}/passport`, passport);
  }

  async establishmentWorkers(establishmentId: string, q: WorkersQuery): Promise<{ total: number; persons: EstablishmentWorker[] }> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
    const res = await this.client.call('GET', `/establishments/${encodeURIComponent(establishmentId)}/workers?${params}`);
    return res.status === 404 ? { total: 0, persons: [] } : res.read(z.object({ total: z.number().int().min(0), persons: z.array(workerSchema) }));
  }

  establishmentNationalities(establishmentId: string): Promise<Array<{ code: string; count: number }>> {
    return this.list(`/establishments/${encodeURIComponent(establishmentId)}/workers/nationalities`, nationalityCount);
  }

  recordIqama(idNumber: string, iqama: { expiresOn: string }): Promise<void> {
    return this.put(`/persons/${idNumber}/iqama`, iqama);
  }

  recordSponsor(idNumber: string, sponsor: { kind: 'establishment' | 'person'; id: string }): Promise<void> {
    return this.put(`/persons/${idNumber}/sponsor`, sponsor);
  }

  recordProfession(idNumber: string, profession: string): Promise<void> {
    return this.put(`/persons/${idNumber}/profession`, { profession });
  }

  private async put(path: string, body: unknown): Promise<void> {
    const res = await this.client.call('PUT', path, body);
    res.expectOk();
  }

  private async list<T>(path: string, schema: z.ZodType<T>): Promise<T[]> {
    const res = await this.client.call('GET', path);
    return res.status === 404 ? [] : res.read(z.array(schema));
  }
}
