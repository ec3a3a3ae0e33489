// Who looked at my data, over HTTP.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse } from '../../http/schemas';
import type { ApiModule } from '../module';
import { viewerOf } from '../documents/viewer';
import { presentAccessLog } from './presenter';
import { readAccessLog } from './read-access-log';
import { accessLogQuery, accessLogView } from './schemas';

export const accessLogModule: ApiModule = {
  name: 'access-log',
  routes: (deps) => async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/me/access-log',
      {
        config: { access: 'account' },
        schema: {
          tags: ['documents'],
          summary: 'Who looked at your data and acted on your records, newest first',
          description:
            'Logins, activation, password changes, views of your documents (by you, your head of family or sponsor), ' +
            'look-ups by passports officers (by office), requests made for you and by whom, on whose behalf a delegate acted. ' +
            'Paged: pass nextCursor as `before` for older entries.',
          security: [{ bearer: [] }, { cookie: [] }],
          querystring: accessLogQuery,
          response: { 200: accessLogView, 400: errorResponse, 401: errorResponse, 403: errorResponse },
        },
      },
      async (req) => presentAccessLog(await readAccessLog(deps, await viewerOf(deps, req), req.query)),
    );
  },
};
