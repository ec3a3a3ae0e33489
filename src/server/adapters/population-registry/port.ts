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
};

export type FingerprintTemplates = { rightIndex: string; leftIndex: string };

export interface PopulationRegistry {
  findPerson(idNumber: string): Promise<RegistryPerson | null>;
  /** Whether both index fingerprint templates match the ones on file. */
  matchFingerprints(idNumber: string, templates: FingerprintTemplates): Promise<boolean>;
}

/** Thrown by an adapter when the agency cannot be reached; the edge answers 503. */
export class AgencyUnavailableError extends Error {
  constructor(readonly agency: string, cause?: unknown) {
    super(`${agency} unavailable`, { cause });
    this.name = 'AgencyUnavailableError';
  }
}
