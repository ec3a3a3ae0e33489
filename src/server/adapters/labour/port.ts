// The labour ministry: establishments and their worker counts, work permits, the list of
// professions, and its approval of a profession change or a transfer of services.
export type Establishment = {
  /** The unified number. */
  id: string;
  crNumber: string;
  labourFile: string;
  name: { ar: string; en: string };
  region: string;
  city: string;
  ownerIdNumber: string;
  workerCount: number;
};

export type WorkerRecord = {
  idNumber: string;
  /** The establishment the permit is held with. */
  establishmentId: string;
  profession: string | null;
  /** The work permit's expiry; null: no permit. */
  permitExpiresOn: string | null;
  /** Reported absent from work (huroob) by the employer. */
  absentFromWork: boolean;
};

export type Profession = { code: string; name: { ar: string; en: string }; domestic: boolean };

export type ApprovalKind = 'profession_change' | 'transfer_of_services';

export type ApprovalRequest = {
  /** Our request's id: asking twice with the same reference gets the first answer. */
  reference: string;
  kind: ApprovalKind;
  idNumber: string;
  /** The establishment asking (the new one for a transfer). */
  establishmentId: string;
  details: Record<string, unknown>;
};

export type Approval = { approved: boolean; reason: string | null };

export interface LabourMinistry {
  findEstablishment(id: string): Promise<Establishment | null>;
  /** Establishments whose owner is this citizen. */
  establishmentsOwnedBy(idNumber: string): Promise<Establishment[]>;
  /** The labour record of a worker; null when the ministry knows no such worker. */
  findWorker(idNumber: string): Promise<WorkerRecord | null>;
  professions(): Promise<Profession[]>;
  /** Asks for (or reads back) the ministry's approval; safe to repeat with the same reference. */
  requestApproval(request: ApprovalRequest): Promise<Approval>;
}
