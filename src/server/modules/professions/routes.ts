// The labour ministry's professions over HTTP, so that clients offer them as a list (the workers
// view's filter, a profession change) rather than asking for codes typed by hand.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse } from '../../http/schemas';
import type { ApiModule } from '../module';
import { professionList } from '../establishments/professions';
import { presentProfession } from './presenter';
import { professionsView } from './schemas';

export const professionsModule: ApiModule = {
  name: 'professions',
  routes: (deps) => async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/professions',
      {
        // For account holders only: each answer may reach the labour ministry.
        config: { access: 'account' },
        schema: {
          tags: ['establishments'],
          summary: 'The labour ministry’s professions: code, names in Arabic and English, and whether it is domestic work',
          description: 'Kept for ten minutes; the last list kept still answers while the ministry cannot be reached. Errors: 503 dependency_unavailable (the ministry cannot be reached and no list is kept).',
          security: [{ bearer: [] }, { cookie: [] }],
          response: { 200: professionsView, 401: errorResponse, 503: errorResponse },
        },
      },
      async () => ({ professions: (await professionList(deps.labour, deps.clock.now().getTime())).map(presentProfession) }),
    );
  },
};
