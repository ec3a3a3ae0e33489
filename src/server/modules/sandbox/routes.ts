// The sandbox endpoints: the synthetic population registry, the handsets' SMS inbox and the
// demo personas. Every route is `access: 'sandbox'`, so production answers 404 for all.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiModule } from '../module';
import { errorResponse } from '../../http/schemas';
import { AppError } from '../../errors';
import { addSandboxEstablishment } from './add-establishment';
import { addSandboxPerson } from './add-person';
import { presentPerson, presentPersonas, presentSms } from './presenter';
import { getSandboxPerson, listPersonas, listSandboxSms } from './queries';
import {
  addEstablishmentBody,
  addPersonBody,
  agencyParams,
  faultsBody,
  faultsView,
  personasView,
  personParams,
  sandboxEstablishmentView,
  sandboxPersonView,
  smsQuery,
  smsView,
} from './schemas';

export const sandboxModule: ApiModule = {
  name: 'sandbox',
  routes: (deps) => async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const db = deps.database.db;

    app.post(
      '/sandbox/persons',
      {
        config: { access: 'sandbox' },
        schema: {
          tags: ['sandbox'],
          summary: 'Add a synthetic person to the sandbox population registry',
          description:
            'Draws a new citizen or resident from the sandbox population (a valid identity number, a registered mobile, ' +
            'two fingerprint templates, a passport and, for residents, an iqama and a sponsor). Fields given in the request ' +
            'are kept as given. The person can then register, and activate at the ATM or kiosk simulators. ' +
            'Errors: 400 invalid_input, invalid_id_number; 422 sponsor_not_found. Sandbox mode only (404 in production).',
          body: addPersonBody,
          response: { 201: sandboxPersonView, 400: errorResponse, 404: errorResponse, 422: errorResponse },
        },
      },
      async (req, reply) => {
        const row = await addSandboxPerson(deps, req.body);
        return reply.status(201).send(presentPerson({ row, heads: [], members: [] }));
      },
    );

    app.get(
      '/sandbox/persons/:idNumber',
      {
        config: { access: 'sandbox' },
        schema: {
          tags: ['sandbox'],
          summary: 'A person of the sandbox population registry, with fingerprints and family card',
          description:
            "The registry's record as the sandbox holds it, including the fingerprint templates a kiosk would read. " +
            'Errors: 400 invalid_id_number; 404 person_not_found. Sandbox mode only (404 in production).',
          params: personParams,
          response: { 200: sandboxPersonView, 400: errorResponse, 404: errorResponse },
        },
      },
      async (req) => presentPerson(await getSandboxPerson(db, req.params.idNumber)),
    );

    app.get(
      '/sandbox/sms',
      {
        config: { access: 'sandbox' },
        schema: {
          tags: ['sandbox'],
          summary: "A sandbox handset's SMS inbox",
          description:
            'The messages the sandbox SMS gateway delivered to a mobile (any accepted form), newest first. ' +
            'Errors: 400 invalid_mobile, invalid_input. Sandbox mode only (404 in production).',
          querystring: smsQuery,
          response: { 200: smsView, 400: errorResponse, 404: errorResponse },
        },
      },
      async (req) => presentSms(await listSandboxSms(db, req.query.to, req.query.limit)),
    );

    app.post(
      '/sandbox/establishments',
      {
        config: { access: 'sandbox' },
        schema: {
          tags: ['sandbox'],
          summary: 'Add an establishment with N synthetic workers to the sandbox labour ministry',
          description:
            'A new unified number, commercial registration and labour file, owned by the citizen named (already in the registry) ' +
            'or by a new one, with `workers` residents it sponsors (valid, expiring and expired iqamas and passports, as the ' +
            'synthetic population has them). The owner then registers, activates and opens it with POST /establishments. ' +
            'Errors: 400 invalid_input, invalid_id_number; 422 sponsor_not_found (no such owner in the registry). Sandbox mode only (404 in production).',
          body: addEstablishmentBody,
          response: { 201: sandboxEstablishmentView, 400: errorResponse, 404: errorResponse, 422: errorResponse },
        },
      },
      async (req, reply) => reply.status(201).send(await addSandboxEstablishment(deps, req.body)),
    );

    app.get(
      '/sandbox/agencies/:agency/faults',
      {
        config: { access: 'sandbox' },
        schema: {
          tags: ['sandbox'],
          summary: 'How the sandbox labour or health ministry is set to fail',
          description: 'Sandbox mode only (404 in production).',
          params: agencyParams,
          response: { 200: faultsView, 400: errorResponse, 404: errorResponse },
        },
      },
      async (req) => {
        if (!deps.sandboxFaults) throw new AppError('not_found');
        return deps.sandboxFaults[req.params.agency].get();
      },
    );

    app.put(
      '/sandbox/agencies/:agency/faults',
      {
        config: { access: 'sandbox' },
        schema: {
          tags: ['sandbox'],
          summary: 'Make the sandbox labour or health ministry down, slow or refusing',
          description:
            'Fields left out keep their value; {"down": false, "delayMs": 0, "refusalPercent": 0} restores it. While an agency is down ' +
            'or slower than AGENCY_TIMEOUT_MS, the services that need it answer 503 dependency_unavailable with Retry-After and create nothing. ' +
            'The setting lives in the server process until it restarts. Sandbox mode only (404 in production).',
          params: agencyParams,
          body: faultsBody,
          response: { 200: faultsView, 400: errorResponse, 404: errorResponse },
        },
      },
      async (req) => {
        if (!deps.sandboxFaults) throw new AppError('not_found');
        const patch = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
        return deps.sandboxFaults[req.params.agency].set(patch);
      },
    );

    app.get(
      '/sandbox/personas',
      {
        config: { access: 'sandbox' },
        schema: {
          tags: ['sandbox'],
          summary: 'The demo personas and their sandbox password',
          description:
            'The documented personas seeded on first start (a citizen, a registered but not activated citizen, a citizen ' +
            'without an account, a resident, a head of family, an officer and a supervisor), with their accounts as they ' +
            'stand now. Sandbox mode only (404 in production).',
          response: { 200: personasView, 404: errorResponse },
        },
      },
      async () => presentPersonas(await listPersonas(db)),
    );
  },
};
