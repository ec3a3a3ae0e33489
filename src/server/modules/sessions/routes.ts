import { z } from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';
import { codeSchema, errorResponse, isoTimestamp } from '../../http/schemas';
import { requestMeta } from '../../http/request-meta';
import { completeLogin, logout, resendLoginCode, startLogin } from './use-cases';
import { clearSessionCookies, setSessionCookies } from './cookies';

const tags = ['sessions'];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse, 422: errorResponse, 429: errorResponse };

export const sessionRoutes =
  (deps: Deps): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/sessions',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Log in, first factor: the identity number or username and the password',
          description:
            'On success an SMS code is sent. Wrong password and unknown login answer alike (401 invalid_credentials); from the 5th failure each try waits longer (429 too_many_attempts with Retry-After).',
          body: z.strictObject({ login: z.string().min(1).max(64), password: z.string().max(1024) }),
          response: { 202: z.object({ challengeId: z.string(), expiresAt: isoTimestamp }), ...errors },
        },
      },
      async (req, reply) => {
        const meta = { ...requestMeta(req), userAgent: req.headers['user-agent'], ip: req.ip };
        const { challengeId, expiresAt } = await startLogin(deps, req.body.login, req.body.password, meta);
        return reply.status(202).send({ challengeId, expiresAt: expiresAt.toISOString() });
      },
    );

    app.post(
      '/sessions/:challengeId/verify',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Log in, second factor: the code from the SMS',
          description:
            'Answers with a bearer token for apps and sets the __Host-absher_session (HttpOnly) and __Host-absher_csrf cookies for browsers. A registered account that is not yet activated gets 403 account_not_activated.',
          params: z.strictObject({ challengeId: z.string().uuid() }),
          body: z.strictObject({ code: codeSchema }),
          response: { 201: z.object({ token: z.string(), expiresAt: isoTimestamp, csrfToken: z.string() }), ...errors },
        },
      },
      async (req, reply) => {
        const meta = { ...requestMeta(req), userAgent: req.headers['user-agent'], ip: req.ip };
        const session = await completeLogin(deps, req.params.challengeId, req.body.code, meta);
        setSessionCookies(reply, session.token, session.csrfToken);
        return reply.status(201).send({ token: session.token, expiresAt: session.expiresAt.toISOString(), csrfToken: session.csrfToken });
      },
    );

    app.post(
      '/sessions/:challengeId/resend',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Log in: send a new code (at most one a minute and five a day per mobile)',
          params: z.strictObject({ challengeId: z.string().uuid() }),
          response: { 202: z.object({ resendAvailableAt: isoTimestamp }), ...errors },
        },
      },
      async (req, reply) => {
        const { resendAvailableAt } = await resendLoginCode(deps, req.params.challengeId);
        return reply.status(202).send({ resendAvailableAt: resendAvailableAt.toISOString() });
      },
    );

    app.delete(
      '/sessions/current',
      {
        config: { access: 'account' },
        schema: { tags, summary: 'Log out: the session is revoked at once', security: [{ bearer: [] }, { cookie: [] }], response: { 204: z.null(), 401: errorResponse, 403: errorResponse } },
      },
      async (req, reply) => {
        await logout(deps, req.session!, requestMeta(req));
        clearSessionCookies(reply);
        return reply.status(204).send(null);
      },
    );
  };
