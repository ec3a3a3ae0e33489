// The SMS notices sent to the account holder, over HTTP.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse } from '../../http/schemas';
import type { ApiModule } from '../module';
import { presentNotifications } from './presenter';
import { readNotifications } from './read-notifications';
import { notificationsQuery, notificationsView } from './schemas';

export const notificationsModule: ApiModule = {
  name: 'notifications',
  routes: (deps) => async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/me/notifications',
      {
        config: { access: 'account' },
        schema: {
          tags: ['sessions'],
          summary: 'The SMS notices sent to your registered mobile, newest first',
          description:
            'Requests issued or rejected, passport and iqama expiry reminders, a card ready for collection, activation, authorizations, password changes: ' +
            'each with its text, when it was queued and whether it was delivered. One-time codes are never listed, nor messages queued to the number before your account was created or once another account registered with the same number (the SMS records the number, not the account). ' +
            'Paged: pass nextCursor as `before` for older notices.',
          security: [{ bearer: [] }, { cookie: [] }],
          querystring: notificationsQuery,
          response: { 200: notificationsView, 400: errorResponse, 401: errorResponse, 403: errorResponse },
        },
      },
      async (req) => presentNotifications(await readNotifications(deps, req.session!.accountId, req.query)),
    );
  },
};
