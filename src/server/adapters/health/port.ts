// The health ministry: a resident's medical examination result and medical insurance,
// which the first iqama needs.
export type MedicalRecord = {
  /** The latest examination; null: never examined. */
  exam: { result: 'fit' | 'unfit'; examinedOn: string } | null;
  /** The last day of medical insurance cover; null: not insured. */
  insuredUntil: string | null;
};

export interface HealthMinistry {
  medicalRecord(idNumber: string): Promise<MedicalRecord>;
}
