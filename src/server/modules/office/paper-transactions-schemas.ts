// The wire shapes of the office's paper transactions. Requests are strict (an unknown field is a 400).
import { z } from 'zod';
import { idNumberSchema, isoTimestamp } from '../../http/schemas';
import { PAPER_SERVICE_CODES } from '../../../domain/paper-transactions';

const unifiedNumber = z
  .string()
  .regex(/^7\d{9}$/, 'a unified establishment number: 10 digits starting with 7')
  .describe('the establishment’s unified number (700...)');

export const paperTransactionBody = z.strictObject({
  establishmentId: unifiedNumber,
  service: z
    .enum(PAPER_SERVICE_CODES)
    .describe(
      'iqama_issue, iqama_renew, exit_reentry_visa and final_exit_visa went online for establishments at or below the worker ' +
        'limit and are refused for them; profession_change, transfer_of_services and transfer_of_information remain on paper',
    ),
  beneficiaryIdNumber: idNumberSchema.describe('the worker (or person) the transaction is for'),
  reference: z.string().trim().min(1).max(64).optional().describe('the number on the paper form, if any'),
});

export const paperTransactionView = z.object({
  id: z.string(),
  officeId: z.string(),
  establishmentId: z.string(),
  service: z.enum(PAPER_SERVICE_CODES),
  beneficiaryIdNumber: z.string(),
  reference: z.string().nullable(),
  at: isoTimestamp,
  recordedBy: z.string().describe('the officer’s account id'),
});

export const paperTransactionsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('transactions per page, 1 to 100'),
  before: z
    .string()
    .regex(/^\d{1,15}\.[0-9a-f-]{36}$/, 'not a cursor from this list')
    .optional()
    .describe('nextCursor of the previous page'),
});

export const paperTransactionsPage = z.object({
  transactions: z.array(paperTransactionView),
  nextCursor: z.string().nullable(),
});
