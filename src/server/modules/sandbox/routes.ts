// The sandbox endpoints: the synthetic population registry, the handsets' SMS inbox and the
// demo personas. Every route is `access: 'sandbox'`, so production answers 404 for all.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiModule } from '../module';
import { errorResponse } from '../../http/schemas';
import { addSandboxPerson } from './add-person';
import { presentPerson, presentPersonas, presentSms } from './presenter';
import { getSandboxPerson, listPersonas, listSandboxSms } from './queries';
import { addPersonBody, personasView, personParams, sandboxPersonView, smsQuery, smsView } from './schemas';

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
