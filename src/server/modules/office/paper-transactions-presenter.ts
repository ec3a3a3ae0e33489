// What leaves about a paper transaction: what the office recorded, for the office's own staff.
import type { z } from 'zod';
import type { PaperService } from '../../../domain/paper-transactions';
import type { PaperTransactionRow } from './paper-transactions';
import type { paperTransactionView } from './paper-transactions-schemas';

export function presentPaperTransaction(r: PaperTransactionRow): z.infer<typeof paperTransactionView> {
  return {
    id: r.id,
    officeId: r.officeId,
    establishmentId: r.establishmentId,
    service: r.service as PaperService,
    beneficiaryIdNumber: r.beneficiaryIdNumber,
    reference: r.reference,
    at: r.at.toISOString(),
    recordedBy: r.officerAccountId,
  };
}
