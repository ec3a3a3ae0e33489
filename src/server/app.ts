// Builds the Fastify app from its dependencies; main and the tests both use it.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import client from 'prom-client';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Deps } from './deps';
import { registerAccess } from './http/access';
import { registerErrorHandling, sendError } from './http/errors';
import { registerIdempotency } from './http/idempotency';
import { registerPortal } from './http/portal';
import { ChannelVerifier } from './modules/channels/signature';
import { apiModules } from './modules';
import './services';
import { AppError } from './errors';

export type App = FastifyInstance;

/** Bodies above this are refused with 413 before they are parsed. */
export const BODY_LIMIT = 64 * 1024;

export async function buildApp(deps: Deps): Promise<App> {
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger at run time; the generic types disagree on details.
    loggerInstance: deps.logger as unknown as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    trustProxy: deps.config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>() as unknown as FastifyInstance;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Keep the raw body: channel signatures are computed over the exact bytes sent.
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const raw = typeof body === 'string' ? body : body.toString('utf8');
    req.rawBody = raw;
    defaultJson(req, raw, (err, parsed) => {
      // PostgreSQL text cannot hold NUL; refuse it here rather than fail deep inside a query.
      if (!err && containsNul(parsed)) return done(new AppError('invalid_input', { problem: 'NUL character' }), undefined);
      done(err, parsed);
    });
  });

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(fastifyCookie);
  registerErrorHandling(app);

  const channels = new ChannelVerifier(deps.database.db, deps.clock, deps.config.channelClients);
  registerAccess(app, { db: deps.database.db, clock: deps.clock, sandbox: deps.config.sandbox, channels });
  registerIdempotency(app, { db: deps.database.db, clock: deps.clock });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Absher passports e-services API',
        version: '1.0.0',
        description:
          'Identity, activation and e-services of the passports directorate. Errors: {"error": {"code", "message", "details"?}}; messages follow Accept-Language (ar by default).',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: '__Host-absher_session' },
          channelSignature: {
            type: 'apiKey',
            in: 'header',
            name: 'X-Signature',
            description: 'HMAC-SHA256 of `X-Timestamp.METHOD.path.rawBody` with X-Client-Id and X-Timestamp',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());

  registerOperations(app, deps);

  for (const mod of apiModules) await app.register(mod.routes(deps), { prefix: '/api/v1' });

  registerPortal(app, deps.config.webDist, { sandbox: deps.config.sandbox });
  return app;
}

function registerOperations(app: FastifyInstance, deps: Deps): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/healthz', { schema: { hide: true }, config: { access: 'public' } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true }, config: { access: 'public' } }, async (req, reply) => {
    try {
      await deps.database.db.execute(sql`select 1`);
      return { status: 'ready', database: deps.database.engine };
    } catch {
      return sendError(req, reply, 'dependency_unavailable', { dependency: 'database' });
    }
  });
  app.get('/metrics', { schema: { hide: true }, config: { access: 'public' } }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  for (const [k, v] of Object.entries(value)) if (k.includes('\u0000') || containsNul(v, depth + 1)) return true;
  return false;
}
