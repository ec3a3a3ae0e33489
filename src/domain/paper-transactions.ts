// Which transactions an office may still do on paper. Establishments with at most the
// published number of workers (a dated parameter: 100 since 2016) no longer use paper for the
// services that went online: iqama issue and renewal, exit and re-entry, final exit. Larger
// establishments may, and the other services remain on paper for everyone.

/** The services a paper transaction may be recorded for, and whether each went online for small establishments. */
export const PAPER_SERVICES = {
  iqama_issue: { onlineForSmallEstablishments: true },
  iqama_renew: { onlineForSmallEstablishments: true },
  exit_reentry_visa: { onlineForSmallEstablishments: true },
  final_exit_visa: { onlineForSmallEstablishments: true },
  profession_change: { onlineForSmallEstablishments: false },
  transfer_of_services: { onlineForSmallEstablishments: false },
  transfer_of_information: { onlineForSmallEstablishments: false },
} as const satisfies Record<string, { onlineForSmallEstablishments: boolean }>;

export type PaperService = keyof typeof PAPER_SERVICES;
export const PAPER_SERVICE_CODES = Object.keys(PAPER_SERVICES) as [PaperService, ...PaperService[]];

/**
 * Whether the office may record this service on paper for an establishment of this size.
 * `maxWorkersWithoutPaper` is the limit in force: at or below it, the online services are refused.
 */
export function paperAllowed(service: PaperService, workerCount: number, maxWorkersWithoutPaper: number): boolean {
  if (!PAPER_SERVICES[service].onlineForSmallEstablishments) return true;
  return workerCount > maxWorkersWithoutPaper;
}
