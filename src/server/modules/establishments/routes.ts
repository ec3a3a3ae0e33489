// Establishments over HTTP: the establishments a user may act for, opening one on the platform,
// its details, staff authorizations, the workers view and its CSV export, its requests, and the
// bulk renewal of its workers' iqamas.
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { accounts } from '../../db/schema';
import { AppError, languageOf } from '../../errors';
import { errorResponse } from '../../http/schemas';
import { requestMeta } from '../../http/request-meta';
import type { ApiModule } from '../module';
import { namesOf } from '../delegations/names';
import { csvHeader, csvRow } from './csv';
import { establishmentDetails } from './establishment-details';
import { listEstablishments } from './list-establishments';
import { listEstablishmentRequests } from './list-requests';
import { openEstablishment } from './open-establishment';
import { presentDetails, presentEstablishmentRequest, presentList, presentNationalities, presentStaff, presentWorkersPage } from './presenter';
import { renewIqamas } from './renew-iqamas';
import { MAX_BULK_WORKERS } from './rules';
import {
  establishmentDetails as detailsView,
  establishmentList,
  establishmentParams,
  openBody,
  renewalsBody,
  renewalsResult,
  requestsPage,
  requestsQuery,
  staffBody,
  staffList,
  staffParams,
  staffView,
  workerNationalities as nationalitiesView,
  workersCsvQuery,
  workersPage,
  workersQuery,
} from './schemas';
import { authorizeStaff, listStaff, revokeStaff } from './staff';
import { exportWorkers, viewWorkers } from './view-workers';
import { workerNationalities } from './worker-nationalities';

const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse, 422: errorResponse, 503: errorResponse };
const tags = ['establishments'];
const NO_ACCESS = '404 establishment_not_found (not open on Absher, or you are neither its owner nor staff in force: which of the two is not said)';

async function userOf(deps: Deps, req: FastifyRequest) {
  const accountId = req.session!.accountId;
  const [a] = await deps.database.db.select({ idNumber: accounts.idNumber }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  if (!a) throw new AppError('account_not_found');
  return { accountId, idNumber: a.idNumber };
}

export const establishmentsModule: ApiModule = {
  name: 'establishments',
  routes: (deps) => async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/establishments',
      {
        config: { access: 'account' },
        schema: {
          tags,
          summary: 'The establishments you may act for: those you own (opened on Absher or not yet) and those you are staff of',
          description: 'Owned establishments come from the labour ministry. Errors: 503 dependency_unavailable (the labour ministry cannot be reached; retry after Retry-After).',
          security,
          response: { 200: establishmentList, ...errors },
        },
      },
      async (req) => presentList(await listEstablishments(deps, await userOf(deps, req))),
    );

    app.post(
      '/establishments',
      {
        config: { access: 'account', idempotency: 'optional' },
        schema: {
          tags,
          summary: 'Open an establishment you own on Absher',
          description:
            'The labour ministry must record you as its owner. Errors: 404 establishment_not_found (the ministry knows no such establishment); ' +
            '403 establishment_not_owned; 409 establishment_already_opened; 503 dependency_unavailable.',
          security,
          body: openBody,
          response: { 201: detailsView, ...errors },
        },
      },
      async (req, reply) => {
        const user = await userOf(deps, req);
        await openEstablishment(deps, { owner: user, establishmentId: req.body.establishmentId, meta: requestMeta(req) });
        return reply.status(201).send(presentDetails(await establishmentDetails(deps, user.accountId, req.body.establishmentId)));
      },
    );

    app.get(
      '/establishments/:establishmentId',
      {
        config: { access: 'account' },
        schema: {
          tags,
          summary: 'An establishment’s details: numbers, names, region and city, worker count, when it was opened',
          description: `For its owner and staff. Errors: ${NO_ACCESS}; 503 dependency_unavailable.`,
          security,
          params: establishmentParams,
          response: { 200: detailsView, ...errors },
        },
      },
      async (req) => presentDetails(await establishmentDetails(deps, req.session!.accountId, req.params.establishmentId)),
    );

    app.post(
      '/establishments/:establishmentId/staff',
      {
        config: { access: 'account', idempotency: 'optional' },
        schema: {
          tags,
          summary: 'Authorize a Saudi citizen as staff of the establishment, for named services over a period (owner only)',
          description:
            'Staff act for the establishment’s workers with `establishmentId` in POST /services/{code}/requests, on the owner’s behalf, and never see the owner’s personal records. ' +
            `Errors: ${NO_ACCESS}; 403 establishment_owner_only; 422 delegation_to_self, delegate_not_citizen, delegate_account_not_active, staff_service_not_allowed, ` +
            'delegation_start_in_past, delegation_end_not_after_start, delegation_period_too_long; 409 delegation_overlaps (already staff for one of these services over an overlapping period).',
          security,
          params: establishmentParams,
          body: staffBody,
          response: { 201: staffView, ...errors },
        },
      },
      async (req, reply) => {
        const granted = await authorizeStaff(deps, req.session!.accountId, req.params.establishmentId, req.body, requestMeta(req));
        const names = await namesOf(deps, [granted.delegate]);
        return reply.status(201).send(presentStaff(granted.delegation, granted.delegate, names, deps.clock.now()));
      },
    );

    app.get(
      '/establishments/:establishmentId/staff',
      {
        config: { access: 'account' },
        schema: {
          tags,
          summary: 'The establishment’s staff authorizations, with their status (owner only)',
          description: `Errors: ${NO_ACCESS}; 403 establishment_owner_only.`,
          security,
          params: establishmentParams,
          response: { 200: staffList, ...errors },
        },
      },
      async (req) => {
        const { rows, names } = await listStaff(deps, req.session!.accountId, req.params.establishmentId);
        const now = deps.clock.now();
        return { staff: rows.map((r) => presentStaff(r.delegation, r.party, names, now)) };
      },
    );

    app.post(
      '/establishments/:establishmentId/staff/:delegationId/revoke',
      {
        config: { access: 'account', idempotency: 'optional' },
        schema: {
          tags,
          summary: 'Revoke a staff authorization at once (owner only)',
          description: `The staff member’s next request under it is refused. Revoking a revoked one answers the same. Errors: ${NO_ACCESS}; 403 establishment_owner_only; 404 delegation_not_found; 409 delegation_already_ended.`,
          security,
          params: staffParams,
          response: { 200: staffView, ...errors },
        },
      },
      async (req) => {
        const revoked = await revokeStaff(deps, req.session!.accountId, req.params.establishmentId, req.params.delegationId, requestMeta(req));
        return presentStaff(revoked.delegation, revoked.delegate, await namesOf(deps, [revoked.delegate]), deps.clock.now());
      },
    );

    app.get(
      '/establishments/:establishmentId/workers',
      {
        config: { access: 'account' },
        schema: {
          tags,
          summary: 'The establishment’s workers: iqama and passport with their expiries (Gregorian and Hijri), warnings and open requests',
          description:
            'Filtered, sorted and paged (at most 100 a page). Each worker sees in their access log that the establishment looked at their records. ' +
            `Errors: 400 invalid_input; ${NO_ACCESS}; 503 dependency_unavailable (the population registry).`,
          security,
          params: establishmentParams,
          querystring: workersQuery,
          response: { 200: workersPage, ...errors },
        },
      },
      async (req) => presentWorkersPage(await viewWorkers(deps, { accountId: req.session!.accountId }, req.params.establishmentId, req.query, requestMeta(req))),
    );

    app.get(
      '/establishments/:establishmentId/workers/nationalities',
      {
        config: { access: 'account' },
        schema: {
          tags,
          summary: 'The nationalities among the establishment’s workers, with their names and how many workers hold each',
          description: `What the workers view's nationality filter offers. Counts only: no worker's record is shown, so nothing is written to the workers' access logs. Errors: ${NO_ACCESS}; 503 dependency_unavailable (the population registry).`,
          security,
          params: establishmentParams,
          response: { 200: nationalitiesView, ...errors },
        },
      },
      async (req) => presentNationalities(await workerNationalities(deps, req.session!.accountId, req.params.establishmentId)),
    );

    app.get(
      '/establishments/:establishmentId/workers.csv',
      {
        config: { access: 'account' },
        schema: {
          tags,
          summary: 'Every worker matching the filters as a CSV file (UTF-8 with BOM, for Excel)',
          description: `The same filters and order as the workers view, every matching row. Errors: 400 invalid_input; ${NO_ACCESS}; 503 dependency_unavailable.`,
          security,
          params: establishmentParams,
          querystring: workersCsvQuery,
          produces: ['text/csv'],
          response: { 200: z.string().describe('CSV: a header row, then a row per worker'), 400: errorResponse, 401: errorResponse, 404: errorResponse, 503: errorResponse },
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? languageOf(req.headers['accept-language']);
        const { today, chunks } = await exportWorkers(deps, { accountId: req.session!.accountId }, req.params.establishmentId, req.query, requestMeta(req));
        const lines = (async function* () {
          yield csvHeader(lang);
          for await (const chunk of chunks) yield chunk.map((w) => csvRow(today, w, lang)).join('');
        })();
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="workers-${req.params.establishmentId}-${today}.csv"`)
          .header('cache-control', 'no-store')
          // A stream is sent as it is, never through the response schema (which documents the file).
          .send(Readable.from(lines) as unknown as string);
      },
    );

    app.get(
      '/establishments/:establishmentId/requests',
      {
        config: { access: 'account' },
        schema: {
          tags,
          summary: 'The establishment’s requests, newest first: those it made and the transfers of services awaiting its release',
          description: `Staff see the services they are authorized for. Errors: 400 invalid_input; ${NO_ACCESS}.`,
          security,
          params: establishmentParams,
          querystring: requestsQuery,
          response: { 200: requestsPage, ...errors },
        },
      },
      async (req) => {
        const { page, pageSize, role } = req.query;
        const { rows, bills, total } = await listEstablishmentRequests(deps, req.session!.accountId, req.params.establishmentId, { page, pageSize, role });
        return { total, page, pageSize, pages: Math.ceil(total / pageSize), requests: rows.map((r) => presentEstablishmentRequest(r, bills, req.params.establishmentId)) };
      },
    );

    app.post(
      '/establishments/:establishmentId/iqama-renewals',
      {
        config: { access: 'account', idempotency: 'required' },
        schema: {
          tags,
          summary: `Renew the iqamas of up to ${MAX_BULK_WORKERS} workers at once (Idempotency-Key required)`,
          description:
            'Each worker is checked and billed on its own (service iqama_renew); a refusal or a conflict for one does not stop the others. ' +
            'Each bill is paid at a bank like any other. A worker who already has an open renewal of this establishment gets it back ' +
            '(existing: true) rather than a second bill, so a bulk can be retried, with the same key or a new one, without billing anyone twice. ' +
            `Errors (for the whole bulk): 400 invalid_input, idempotency_key_required; ${NO_ACCESS}; 403 delegation_out_of_scope (staff not authorized for iqama renewal).`,
          security,
          params: establishmentParams,
          body: renewalsBody,
          response: { 200: renewalsResult, ...errors },
        },
      },
      async (req) => {
        const meta = requestMeta(req);
        const results = await renewIqamas(deps, {
          actor: await userOf(deps, req),
          establishmentId: req.params.establishmentId,
          workers: req.body.workers,
          quarters: req.body.quarters,
          pickupOfficeId: req.body.pickupOfficeId,
          meta,
        });
        const count = (o: string) => results.filter((r) => r.outcome === o).length;
        return {
          summary: {
            submitted: count('submitted'),
            refused: count('refused'),
            conflict: count('conflict'),
            error: count('error'),
            totalHalalas: results.reduce((sum, r) => sum + (r.bill?.status === 'unpaid' ? r.bill.amountHalalas : 0), 0),
          },
          results: results.map((r) => ({
            idNumber: r.idNumber,
            outcome: r.outcome,
            requestId: r.request?.id ?? null,
            requestNumber: r.request?.number ?? null,
            status: r.request?.status ?? null,
            billNumber: r.bill?.billNumber ?? null,
            amountHalalas: r.bill?.amountHalalas ?? null,
            existing: r.existing,
            refusals: r.refusals,
          })),
        };
      },
    );
  },
};
