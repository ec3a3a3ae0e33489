import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../deps';

/** An API module: a feature's routes, mounted under /api/v1. */
export type ApiModule = {
  name: string;
  routes(deps: Deps): FastifyPluginAsync;
};
