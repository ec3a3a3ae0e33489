// The population registry (the national information center): who a person is, their
// registered mobile, fingerprints, passport, iqama, sponsor and family.
export type RegistryPerson = {
  idNumber: string;
  kind: 'citizen' | 'resident';
  name: { ar: string; en: string };
  gender: 'm' | 'f';
  birthDate: string;
  nationality: string;
  /** +9665XXXXXXXX */
  mobile: string;
  passport: { number: string; issuedOn: string; expiresOn: string } | null;
  iqama: { number: string; expiresOn: string } | null;
  sponsor: { kind: 'establishment' | 'person'; id: string } | null;
  profession: string | null;
  maritalStatus: 'single' | 'married' | 'divorced' | 'widowed' | null;
  /** Residents: the day of their last entry into the kingdom, when known. */
  arrivedOn?: string | null;
};

/**
 * What the workers view shows of a worker, and all that is asked of the registry for it: never
 * their mobile, birth date, fingerprints or family.
 */
export type EstablishmentWorker = Pick<RegistryPerson, 'idNumber' | 'name' | 'nationality' | 'passport' | 'iqama' | 'profession'>;

/** A page of an establishment's workers, filtered and sorted. */
export type WorkersQuery = {
  /** Part of a name (Arabic or English) or the start of an identity number. */
  search?: string | undefined;
  nationality?: string | undefined;
  profession?: string | undefined;
  /** Only workers whose iqama or passport expires on or before this day (expired ones included). */
  expiringBy?: string | undefined;
  sort: 'name' | 'id_number' | 'iqama_expiry' | 'passport_expiry';
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
};

export type FingerprintTemplates = { rightIndex: string; leftIndex: string };

export type FamilyLink = { headIdNumber: string; memberIdNumber: string; relation: 'spouse' | 'son' | 'daughter' | 'father' | 'mother' };

export interface PopulationRegistry {
  findPerson(idNumber: string): Promise<RegistryPerson | null>;
  /** Whether both index fingerprint templates match the ones on file. */
  matchFingerprints(idNumber: string, templates: FingerprintTemplates): Promise<boolean>;
  /** Whether fingerprints are on file at all (they are taken from the age of 12). */
  hasFingerprints(idNumber: string): Promise<boolean>;
  /** The members registered under a head of family. */
  familyOf(headIdNumber: string): Promise<FamilyLink[]>;
  /** The heads of family a person is registered under (a minor's guardians). */
  headsOf(memberIdNumber: string): Promise<FamilyLink[]>;
  /** Residents sponsored by a person (domestic workers and dependents). */
  sponsoredBy(sponsorIdNumber: string): Promise<RegistryPerson[]>;
  /** Records a person's new passport (issued by the directorate, or recorded after a renewal abroad). */
  recordPassport(idNumber: string, passport: { number: string; issuedOn: string; expiresOn: string }): Promise<void>;
  /** Residents sponsored by an establishment (its workers), a page at a time. */
  establishmentWorkers(establishmentId: string, query: WorkersQuery): Promise<{ total: number; persons: EstablishmentWorker[] }>;
  /** The nationalities among an establishment's workers, with how many workers hold each. */
  establishmentNationalities(establishmentId: string): Promise<Array<{ code: string; count: number }>>;
  /** Records an iqama issued or renewed by the directorate (the iqama number is the identity number). */
  recordIqama(idNumber: string, iqama: { expiresOn: string }): Promise<void>;
  /** Records a resident's new sponsor (a transfer of services). */
  recordSponsor(idNumber: string, sponsor: { kind: 'establishment' | 'person'; id: string }): Promise<void>;
  /** Records a resident's new profession on the iqama (a profession change approved by labour). */
  recordProfession(idNumber: string, profession: string): Promise<void>;
}

/**
 * Thrown by an adapter when the agency cannot be reached, or answers wrongly; the edge answers
 * 503. `reason` says how, for the operator reading an SMS's last error or a log line: a
 * status, a timeout, a network error's code, "malformed answer"; never anything the agency
 * sent back, which may name a person.
 */
export class AgencyUnavailableError extends Error {
  constructor(
    readonly agency: string,
    cause?: unknown,
    readonly reason?: string,
  ) {
    super(reason ? `${agency} unavailable (${reason})` : `${agency} unavailable`, { cause });
    this.name = 'AgencyUnavailableError';
  }
}
