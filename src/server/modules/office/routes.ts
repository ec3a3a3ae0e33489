// The passports officer's console: look a person up, activate their account in person.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { ApiModule } from '../module';
import { errorResponse } from '../../http/schemas';
import { presentActivation } from '../activations/presenter';
import { activateAtOffice, type Officer } from './activate-at-office';
import { lookUpPerson } from './look-up-person';
import { presentPerson } from './presenter';
import { officeActivationBody, officeActivationView, personParams, personView } from './schemas';

const officerErrors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse } as const;

/** The 'officer' access has put the session and the staff role on the request. */
function officerOf(req: FastifyRequest): Officer {
  return { accountId: req.session!.accountId, officeId: req.staff!.officeId };
}

export const officeModule: ApiModule = {
  name: 'office',
  routes: (deps) => async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/office/activations',
      {
        config: { access: 'officer' },
        schema: {
          tags: ['office'],
          summary: 'Activate an account in person at a passports office',
          description:
            'The officer has seen the person and checked the original document. The activation records the office as its ' +
            'location and the officer as who activated it; the holder gets an SMS notice. Repeating an office activation ' +
            'answers the same 200. Errors: 403 not_an_officer, officer_without_office; 404 registration_not_found; ' +
            '409 account_already_active (by another channel), activation_account_suspended; ' +
            '422 original_document_not_checked, document_not_valid_for_identity.',
          security: [{ bearer: [] }, { cookie: [] }],
          body: officeActivationBody,
          response: { 200: officeActivationView, ...officerErrors, 409: errorResponse, 422: errorResponse },
        },
      },
      async (req) => {
        const account = await activateAtOffice(deps, { officer: officerOf(req), ...req.body, requestId: req.id });
        return presentActivation(account);
      },
    );

    app.get(
      '/office/persons/:idNumber',
      {
        config: { access: 'officer' },
        schema: {
          tags: ['office'],
          summary: 'Look a person up in the population registry, with their account',
          description:
            'For the officer at the desk: names, birth date, nationality, masked mobile, passport and iqama, and the account ' +
            'status and activation if any. Every view is recorded in the audit log (action person.viewed) so that the person ' +
            'can later see who looked at their data. Errors: 403 not_an_officer; 404 person_not_found; 503 dependency_unavailable.',
          security: [{ bearer: [] }, { cookie: [] }],
          params: personParams,
          response: { 200: personView, ...officerErrors, 503: errorResponse },
        },
      },
      async (req) => presentPerson(await lookUpPerson(deps, { officer: officerOf(req), idNumber: req.params.idNumber, requestId: req.id })),
    );
  },
};
