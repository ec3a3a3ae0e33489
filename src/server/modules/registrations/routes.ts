import { z } from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';
import { codeSchema, errorResponse, idNumberSchema, isoDateSchema, isoTimestamp, mobileSchema } from '../../http/schemas';
import { requestMeta } from '../../http/request-meta';
import { completeRegistration, resendRegistrationCode, startRegistration, verifyRegistration } from './use-cases';

const tags = ['registration'];
const params = z.strictObject({ registrationId: z.string().uuid() });
const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse, 422: errorResponse, 429: errorResponse, 503: errorResponse };

export const registrationRoutes =
  (deps: Deps): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/registrations',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Register: the applicant’s data and the acceptance of the terms (steps 1 and 2)',
          description: 'The SMS code is sent only when the identity number, birth date and mobile all match the population registry.',
          body: z.strictObject({
            idNumber: idNumberSchema,
            birthDate: isoDateSchema,
            mobile: mobileSchema,
            username: z
              .string()
              .regex(/^[A-Za-z0-9._-]{4,32}$/, 'latin letters, digits, . _ -; 4 to 32 characters')
              .describe('latin letters, digits, . _ -; 4-32 characters'),
            email: z.email().max(254).optional(),
            language: z.enum(['ar', 'en']),
            acceptTerms: z.boolean(),
          }),
          response: { 201: z.object({ registrationId: z.string(), expiresAt: isoTimestamp }), ...errors },
        },
      },
      async (req, reply) => {
        const result = await startRegistration(deps, req.body, requestMeta(req));
        return reply.status(201).send({ registrationId: result.registrationId, expiresAt: result.expiresAt.toISOString() });
      },
    );

    app.post(
      '/registrations/:registrationId/verify',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Register: the code from the SMS (step 3)',
          params,
          body: z.strictObject({ code: codeSchema }),
          response: { 200: z.object({ verified: z.literal(true) }), ...errors },
        },
      },
      async (req) => verifyRegistration(deps, req.params.registrationId, req.body.code, requestMeta(req)),
    );

    app.post(
      '/registrations/:registrationId/resend',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Register: send a new code (at most one a minute and five a day per mobile)',
          params,
          response: { 202: z.object({ resendAvailableAt: isoTimestamp }), ...errors },
        },
      },
      async (req, reply) => {
        const { resendAvailableAt } = await resendRegistrationCode(deps, req.params.registrationId);
        return reply.status(202).send({ resendAvailableAt: resendAvailableAt.toISOString() });
      },
    );

    app.post(
      '/registrations/:registrationId/complete',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Register: choose the password (step 4); the account is created as registered',
          description: '8 to 128 characters of any script; refused when common or when it contains the identity number, username or mobile.',
          params,
          body: z.strictObject({ password: z.string().max(1024) }),
          response: { 201: z.object({ accountId: z.string(), status: z.literal('registered') }), ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await completeRegistration(deps, req.params.registrationId, req.body.password, requestMeta(req))),
    );
  };
