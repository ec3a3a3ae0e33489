// E-authorizations over HTTP: give one, list those given and received, revoke one at once,
// and see what a delegate did under one.
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { errorResponse } from '../../http/schemas';
import { requestMeta } from '../../http/request-meta';
import type { ApiModule } from '../module';
import { delegationActivity } from './delegation-activity';
import { grantDelegation } from './grant-delegation';
import { committed } from './in-transaction';
import { listDelegations } from './list-delegations';
import { nameOrMask, namesOf } from './names';
import { presentActivity, presentGiven, presentReceived } from './presenter';
import { findParty } from './repository';
import { revokeDelegation } from './revoke-delegation';
import { activityView, delegationParams, givenView, grantBody, listView } from './schemas';

const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse, 422: errorResponse };

/** The logged-in holder, named as the delegate's SMS will name them. */
async function holderOf(deps: Deps, req: FastifyRequest) {
  const account = await findParty(deps.database.db, req.session!.accountId);
  if (!account) throw new AppError('account_not_found');
  const names = await namesOf(deps, [account]);
  return { accountId: account.id, idNumber: account.idNumber, name: nameOrMask(names.get(account.idNumber), account.idNumber) };
}

export const delegationsModule: ApiModule = {
  name: 'delegations',
  routes: (deps) => async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/delegations',
      {
        config: { access: 'account', idempotency: 'optional' },
        schema: {
          tags: ['e-authorizations'],
          summary: 'Authorize a Saudi citizen to carry out named services for you over a period',
          description:
            'The delegate gets an SMS in their language and applies with `delegationId` in POST /services/{code}/requests; ' +
            'everything they do is recorded as done on your behalf. Errors: 400 invalid_input, invalid_id_number; ' +
            '422 delegation_to_self, delegate_not_citizen, delegate_account_not_active, delegation_service_not_found, ' +
            'delegation_service_not_delegable, delegation_start_in_past, delegation_end_not_after_start, delegation_period_too_long; ' +
            '409 delegation_overlaps (the same person is already authorized for one of these services over an overlapping period).',
          security,
          body: grantBody,
          response: { 201: givenView, ...errors },
        },
      },
      async (req, reply) => {
        const grantor = await holderOf(deps, req);
        const granted = await committed(deps, (tx) => grantDelegation(tx, deps, { grantor, ...req.body, meta: requestMeta(req) }));
        const names = await namesOf(deps, [granted.delegate]);
        return reply.status(201).send(presentGiven(granted.delegation, granted.delegate, names, deps.clock.now()));
      },
    );

    app.get(
      '/delegations',
      {
        config: { access: 'account' },
        schema: {
          tags: ['e-authorizations'],
          summary: 'The authorizations you gave and those you received, with their status',
          description: 'Status: scheduled (not yet started), in_force, expired, revoked.',
          security,
          response: { 200: listView, ...errors },
        },
      },
      async (req) => {
        const { given, received, names } = await listDelegations(deps, req.session!.accountId);
        const now = deps.clock.now();
        return {
          given: given.map((r) => presentGiven(r.delegation, r.party, names, now)),
          received: received.map((r) => presentReceived(r.delegation, r.party, names, now)),
        };
      },
    );

    app.delete(
      '/delegations/:delegationId',
      {
        config: { access: 'account', idempotency: 'optional' },
        schema: {
          tags: ['e-authorizations'],
          summary: 'Revoke an authorization you gave, at once',
          description:
            'The delegate’s next request under it is refused with 403 delegation_revoked, and they get an SMS. Revoking a revoked ' +
            'authorization answers the same. Errors: 404 delegation_not_found (also for anyone but the holder who gave it); ' +
            '409 delegation_already_ended.',
          security,
          params: delegationParams,
          response: { 200: givenView, ...errors },
        },
      },
      async (req) => {
        const grantor = await holderOf(deps, req);
        const revoked = await committed(deps, (tx) => revokeDelegation(tx, deps, { grantor, delegationId: req.params.delegationId, meta: requestMeta(req) }));
        return presentGiven(revoked.delegation, revoked.delegate, await namesOf(deps, [revoked.delegate]), deps.clock.now());
      },
    );

    app.get(
      '/delegations/:delegationId/activity',
      {
        config: { access: 'account' },
        schema: {
          tags: ['e-authorizations'],
          summary: 'What your delegate did on your behalf under an authorization you gave',
          description: 'The requests made under it and every audited action (quotes, submissions, cancellations). Errors: 404 delegation_not_found (also for anyone but the holder who gave it).',
          security,
          params: delegationParams,
          response: { 200: activityView, ...errors },
        },
      },
      async (req) => presentActivity(await delegationActivity(deps, req.session!.accountId, req.params.delegationId), deps.clock.now()),
    );
  },
};
