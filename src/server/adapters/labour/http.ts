// The labour ministry reached over HTTP, with a bearer token:
//   GET  {url}/establishments/{id}                  → 200 Establishment | 404
//   GET  {url}/owners/{idNumber}/establishments     → 200 [Establishment]
//   GET  {url}/workers/{idNumber}                   → 200 WorkerRecord | 404
//   GET  {url}/professions                          → 200 [Profession]
//   PUT  {url}/approvals/{reference}                ApprovalRequest → 200 {approved, reason}
// (PUT: asking again with the same reference returns the first answer.)
import { z } from 'zod';
import { AgencyClient, type AgencyClientOptions } from '../agency-http';
import type { Approval, ApprovalRequest, Establishment, LabourMinistry, Profession, WorkerRecord } from './port';

const AGENCY = 'labour_ministry';
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.object({ ar: z.string(), en: z.string() });
const establishment = z.object({
  id: z.string().regex(/^7\d{9}$/),
  crNumber: z.string(),
  labourFile: z.string(),
  name: text,
  region: z.string(),
  city: z.string(),
  ownerIdNumber: z.string().regex(/^1\d{9}$/),
  workerCount: z.number().int().min(0),
});
const worker = z.object({
  idNumber: z.string().regex(/^2\d{9}$/),
  establishmentId: z.string(),
  profession: z.string().nullable(),
  permitExpiresOn: date.nullable(),
  absentFromWork: z.boolean(),
});
const profession = z.object({ code: z.string(), name: text, domestic: z.boolean() });
const approval = z.object({ approved: z.boolean(), reason: z.string().nullable() });

export class HttpLabourMinistry implements LabourMinistry {
  private readonly client: AgencyClient;

  constructor(opts: AgencyClientOptions) {
    this.client = new AgencyClient(AGENCY, opts);
  }

  async findEstablishment(id: string): Promise<Establishment | null> {
    const res = await this.client.call('GET', `/establishments/${encodeURIComponent(id)}`);
    return res.status === 404 ? null : res.read(establishment);
  }

  async establishmentsOwnedBy(idNumber: string): Promise<Establishment[]> {
    const res = await this.client.call('GET', `/owners/${idNumber}/establishments`);
    return res.status === 404 ? [] : res.read(z.array(establishment));
  }

  async findWorker(idNumber: string): Promise<WorkerRecord | null> {
    const res = await this.client.call('GET', `/workers/${idNumber}`);
    return res.status === 404 ? null : res.read(worker);
  }

  async professions(): Promise<Profession[]> {
    const res = await this.client.call('GET', '/professions');
    return res.read(z.array(profession));
  }

  async requestApproval(request: ApprovalRequest): Promise<Approval> {
    const res = await this.client.call('PUT', `/approvals/${encodeURIComponent(request.reference)}`, request);
    return res.read(approval);
  }
}
