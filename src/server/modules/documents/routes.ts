// Documents over HTTP: the holder's own, the people they may act for, and one of those
// people's documents. Each view is audited before it is answered.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse } from '../../http/schemas';
import { requestMeta } from '../../http/request-meta';
import type { ApiModule } from '../module';
import { presentDocuments, presentPeople } from './presenter';
import { documentsView, peopleView, personParams } from './schemas';
import { listPeople, viewDocuments } from './view-documents';
import { viewerOf } from './viewer';

const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 503: errorResponse };

export const documentsModule: ApiModule = {
  name: 'documents',
  routes: (deps) => async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/me/documents',
      {
        config: { access: 'account' },
        schema: {
          tags: ['documents'],
          summary: 'Your passport and iqama from the registry, and the documents the directorate issued you',
          description: 'Dates in Gregorian and Hijri. The view is recorded in your access log (documents.viewed).',
          security,
          response: { 200: documentsView, ...errors },
        },
      },
      async (req) => {
        const viewer = await viewerOf(deps, req);
        return presentDocuments(await viewDocuments(deps, viewer, viewer.idNumber, requestMeta(req)));
      },
    );

    app.get(
      '/people',
      {
        config: { access: 'account' },
        schema: {
          tags: ['documents'],
          summary: 'The people you may act for: your family in the registry and the residents you sponsor, with their document expiries',
          description:
            'Each person listed sees in their access log that you viewed their document expiries (documents.summary_viewed). ' +
            'Errors: 503 dependency_unavailable when the population registry cannot be reached.',
          security,
          response: { 200: peopleView, ...errors },
        },
      },
      async (req) => presentPeople(await listPeople(deps, await viewerOf(deps, req), requestMeta(req))),
    );

    app.get(
      '/people/:idNumber/documents',
      {
        config: { access: 'account' },
        schema: {
          tags: ['documents'],
          summary: 'The documents of a person you may act for (a family member, a resident you sponsor)',
          description:
            'The same view as /me/documents. The person sees in their access log that you viewed their documents (documents.viewed). ' +
            'Errors: 403 not_your_beneficiary for anyone else, an unknown number included; 503 dependency_unavailable.',
          security,
          params: personParams,
          response: { 200: documentsView, ...errors },
        },
      },
      async (req) => presentDocuments(await viewDocuments(deps, await viewerOf(deps, req), req.params.idNumber, requestMeta(req))),
    );
  },
};
