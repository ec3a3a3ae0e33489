// The traffic department: unpaid fines stop an exit/re-entry or final exit visa.
export interface TrafficAgency {
  /** The total of a person's unpaid fines, in halalas. */
  unpaidFinesHalalas(idNumber: string): Promise<number>;
}
