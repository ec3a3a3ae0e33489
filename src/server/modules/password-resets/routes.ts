import { z } from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';
import { codeSchema, errorResponse, idNumberSchema, isoTimestamp, mobileSchema } from '../../http/schemas';
import { requestMeta } from '../../http/request-meta';
import { completePasswordReset, resendPasswordResetCode, startPasswordReset, verifyPasswordReset } from './use-cases';

const tags = ['password reset'];
const params = z.strictObject({ resetId: z.string().uuid() });
const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse, 422: errorResponse, 429: errorResponse };

export const passwordResetRoutes =
  (deps: Deps): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/password-resets',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Forgotten password: the identity number and the registered mobile',
          description: 'Always 202: when the details match an account, a code is sent to the mobile; otherwise nothing is sent and the code can never be right.',
          body: z.strictObject({ idNumber: idNumberSchema, mobile: mobileSchema }),
          response: { 202: z.object({ resetId: z.string(), expiresAt: isoTimestamp }), ...errors },
        },
      },
      async (req, reply) => {
        const meta = requestMeta(req);
        const { resetId, expiresAt } = await startPasswordReset(deps, req.body, meta);
        return reply.status(202).send({ resetId, expiresAt: expiresAt.toISOString() });
      },
    );

    app.post(
      '/password-resets/:resetId/resend',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Forgotten password: send a new code', params, response: { 202: z.object({ resendAvailableAt: isoTimestamp }), ...errors } },
      },
      async (req, reply) => {
        const { resendAvailableAt } = await resendPasswordResetCode(deps, req.params.resetId, requestMeta(req).language);
        return reply.status(202).send({ resendAvailableAt: resendAvailableAt.toISOString() });
      },
    );

    app.post(
      '/password-resets/:resetId/verify',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Forgotten password: the code from the SMS', params, body: z.strictObject({ code: codeSchema }), response: { 200: z.object({ verified: z.literal(true) }), ...errors } },
      },
      async (req) => verifyPasswordReset(deps, req.params.resetId, req.body.code),
    );

    app.post(
      '/password-resets/:resetId/complete',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Forgotten password: the new password; every session of the account ends',
          params,
          body: z.strictObject({ password: z.string().max(1024) }),
          response: { 200: z.object({ reset: z.literal(true) }), ...errors },
        },
      },
      async (req) => completePasswordReset(deps, req.params.resetId, req.body.password, requestMeta(req)),
    );
  };
