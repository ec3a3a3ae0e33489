// The real server, in-process, on an in-memory database and a real port, serving the built
// portal. The clock is the system's: the browser signs channel calls with its own time.
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../../src/server/config';
import { createLogger } from '../../../src/server/logger';
import { createDeps } from '../../../src/server/bootstrap';
import { buildApp } from '../../../src/server/app';
import type { Deps } from '../../../src/server/deps';
import { PasswordHasher } from '../../../src/server/modules/passwords/hasher';
import { seedSandbox } from '../../../src/server/modules/sandbox/seed';
import { startJobs } from '../../../src/server/jobs';
import { openTestDatabase } from '../../helpers/database';

export type RunningServer = { url: string; deps: Deps; close(): Promise<void> };

export async function startServer(): Promise<RunningServer> {
  const config = loadConfig({ ABSHER_MODE: 'sandbox', LOG_LEVEL: 'silent', WEB_DIST: path.resolve(process.env.WEB_DIST ?? 'dist/web'), SANDBOX_PERSONS: '0' });
  const database = await openTestDatabase();
  const deps = await createDeps(config, createLogger('silent'), {
    database,
    passwords: new PasswordHasher({ concurrency: 2, maxQueue: 1000 }),
  });
  // As `serve` does on a first start: the offices and the demo personas, no bulk population
  // (the journeys create the people they need).
  await seedSandbox(deps, { persons: 0, firstStartOnly: true });
  const app = await buildApp(deps);
  // As `serve` does: SMS retries and the other background jobs.
  const stopJobs = startJobs(deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    async close() {
      stopJobs();
      await app.close();
      await database.close();
    },
  };
}
