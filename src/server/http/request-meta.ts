import type { FastifyRequest } from 'fastify';
import { languageOf, type Language } from '../errors';
import type { AuditChannel } from '../platform/audit';

/** Browsers announce themselves with Sec-Fetch-* headers; anything else is an API client. */
export function requestMeta(req: FastifyRequest): { requestId: string; channel: AuditChannel; language: Language } {
  return {
    requestId: req.id,
    channel: req.headers['sec-fetch-mode'] ? 'web' : 'api',
    language: languageOf(req.headers['accept-language']),
  };
}
