// The officer console's paper transactions: record one done on paper at the officer's office
// (refused for small establishments and the services that went online), and list the office's.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { ApiModule } from '../module';
import { errorResponse } from '../../http/schemas';
import type { Officer } from './activate-at-office';
import { listPaperTransactions, recordPaperTransaction } from './paper-transactions';
import { presentPaperTransaction } from './paper-transactions-presenter';
import { paperTransactionBody, paperTransactionsPage, paperTransactionsQuery, paperTransactionView } from './paper-transactions-schemas';

const officerErrors = { 400: errorResponse, 401: errorResponse, 403: errorResponse } as const;
const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];

/** The 'officer' access has put the session and the staff role on the request. */
function officerOf(req: FastifyRequest): Officer {
  return { accountId: req.session!.accountId, officeId: req.staff!.officeId };
}

export const paperTransactionsModule: ApiModule = {
  name: 'office-paper-transactions',
  routes: (deps) => async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/office/paper-transactions',
      {
        config: { access: 'officer', idempotency: 'required' },
        schema: {
          tags: ['office'],
          summary: 'Record a transaction done on paper at the officer’s office',
          description:
            'Officers (and supervisors assigned to an office) record a transaction an establishment brought on paper. ' +
            'The labour ministry is asked for the establishment’s worker count; for an establishment with at most ' +
            '`paper_transactions.max_workers_without_paper` workers (a dated service parameter: 100 since 2016) the services ' +
            'that went online (iqama_issue, iqama_renew, exit_reentry_visa, final_exit_visa) are refused with ' +
            '422 paper_transaction_not_allowed, whose details give the worker count, the limit and the e-service to use. ' +
            'Other services remain on paper for every establishment. Needs an Idempotency-Key: a retry with the same key ' +
            'answers the first 201 without recording twice. Recorded in the audit log (paper_transaction.recorded). ' +
            'Errors: 400 invalid_input, invalid_id_number, idempotency_key_required; 403 not_an_officer, officer_without_office; ' +
            '404 establishment_unknown (the labour ministry has no such establishment); 422 paper_transaction_not_allowed, ' +
            'idempotency_key_reused; 503 dependency_unavailable with Retry-After (the labour ministry could not be reached; nothing is recorded).',
          security,
          body: paperTransactionBody,
          response: { 201: paperTransactionView, ...officerErrors, 404: errorResponse, 409: errorResponse, 422: errorResponse, 503: errorResponse },
        },
      },
      async (req, reply) => {
        const row = await recordPaperTransaction(deps, {
          officer: officerOf(req),
          establishmentId: req.body.establishmentId,
          service: req.body.service,
          beneficiaryIdNumber: req.body.beneficiaryIdNumber,
          reference: req.body.reference ?? null,
          requestId: req.id,
        });
        return reply.status(201).send(presentPaperTransaction(row));
      },
    );

    app.get(
      '/office/paper-transactions',
      {
        config: { access: 'officer' },
        schema: {
          tags: ['office'],
          summary: 'The paper transactions recorded at the officer’s office, newest first',
          description: 'Paged: pass nextCursor as `before` for older ones. Errors: 400 invalid_input; 403 not_an_officer, officer_without_office.',
          security,
          querystring: paperTransactionsQuery,
          response: { 200: paperTransactionsPage, ...officerErrors },
        },
      },
      async (req) => {
        const page = await listPaperTransactions(deps, { officer: officerOf(req), limit: req.query.limit, before: req.query.before });
        return { transactions: page.transactions.map(presentPaperTransaction), nextCursor: page.nextCursor };
      },
    );
  },
};
