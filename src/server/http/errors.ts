// Maps every failure to the contract's error shape. Business refusals arrive as AppError with
// a stable code; validation, parsing and size failures from Fastify are given codes here;
// anything else is a 500 whose details stay in the log.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AgencyUnavailableError } from '../adapters/population-registry/port';
import { AppError, errorCatalogue, languageOf, messageFor, type ErrorCode } from '../errors';
import { RuleRefusal } from '../services/engine/refusals';

export type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

export function sendError(req: FastifyRequest, reply: FastifyReply, code: ErrorCode, details?: Record<string, unknown>, retryAfter?: number) {
  const body: ErrorBody = { error: { code, message: messageFor(code, languageOf(req.headers['accept-language'])) } };
  if (details && Object.keys(details).length > 0) body.error.details = details;
  if (retryAfter !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
  return reply.status(errorCatalogue[code].status).type('application/json; charset=utf-8').send(body);
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_input',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return sendError(req, reply, err.code, err.details, err.retryAfter);
    if (err instanceof RuleRefusal) {
      const lang = languageOf(req.headers['accept-language']);
      const [first] = err.refusals;
      return reply
        .status(422)
        .type('application/json; charset=utf-8')
        .send({
          error: {
            code: first!.code,
            message: first!.message[lang],
            details: { refusals: err.refusals.map((r) => ({ code: r.code, message: r.message[lang], ...(r.details ? { details: r.details } : {}) })) },
          },
        });
    }
    if (err instanceof AgencyUnavailableError) return sendError(req, reply, 'dependency_unavailable', { agency: err.agency }, 30);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || null,
        problem: v.message,
      }));
      // A field whose schema names a refusal code (an identity number, a mobile) answers with it.
      const named = issues.map((i) => i.problem).find((m): m is ErrorCode => !!m && m in errorCatalogue);
      return sendError(req, reply, named ?? 'invalid_input', { issues });
    }
    if (err.code && FASTIFY_CODES[err.code]) return sendError(req, reply, FASTIFY_CODES[err.code]!);
    if (err.statusCode === 429) return sendError(req, reply, 'rate_limited', undefined, 1);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendError(req, reply, 'invalid_input');
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, 'internal_error');
  });
}
