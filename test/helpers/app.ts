// Builds the real app over a test database, with a fake clock and the sandbox agencies.
import type { LightMyRequestResponse } from 'fastify';
import { desc, eq } from 'drizzle-orm';
import { loadConfig } from '../../src/server/config';
import { createLogger } from '../../src/server/logger';
import { createDeps } from '../../src/server/bootstrap';
import { buildApp, type App } from '../../src/server/app';
import type { Deps } from '../../src/server/deps';
import { sandboxSmsMessages } from '../../src/server/db/schema';
import { FakeClock } from '../../src/server/platform/clock';
import { PasswordHasher } from '../../src/server/modules/passwords/hasher';
import { openTestDatabase } from './database';

export type TestContext = {
  app: App;
  deps: Deps;
  clock: FakeClock;
  close(): Promise<void>;
  /** The newest 6-digit code the sandbox SMS gateway delivered to a mobile. */
  lastCode(mobile: string): Promise<string>;
};

export async function createTestApp(opts: { env?: Record<string, string>; clock?: FakeClock } = {}): Promise<TestContext> {
  const config = loadConfig({ ABSHER_MODE: 'sandbox', LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', ...opts.env });
  const clock = opts.clock ?? new FakeClock(new Date());
  const database = await openTestDatabase();
  const deps = await createDeps(config, createLogger('silent'), {
    database,
    clock,
    passwords: new PasswordHasher({ concurrency: 4, maxQueue: 10_000 }),
  });
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    clock,
    async close() {
      await app.close();
      await deps.outbox.settled();
      await deps.smsGateway.close?.();
      await database.close();
    },
    async lastCode(mobile: string) {
      const [m] = await deps.database.db
        .select()
        .from(sandboxSmsMessages)
        .where(eq(sandboxSmsMessages.to, mobile))
        .orderBy(desc(sandboxSmsMessages.seq))
        .limit(1);
      const code = m?.body.match(/\b(\d{6})\b/)?.[1];
      if (!code) throw new Error(`no code was sent to ${mobile}`);
      return code;
    },
  };
}

export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return res.json() as T;
}
