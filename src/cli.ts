// The command line: `absher serve | migrate | seed [--persons N]`.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './server/config';
import { createLogger } from './server/logger';
import { createDeps } from './server/bootstrap';
import { buildApp } from './server/app';
import { openDatabase } from './server/db/client';
import { seedSandbox } from './server/modules/sandbox/seed';
import { startJobs } from './server/jobs';

const USAGE = `usage: absher <command>
  serve                 migrate, seed the sandbox on first start, and serve the portal and API
  migrate               apply the database migrations and exit
  seed --persons N      add N synthetic persons (with registered, activated accounts) to the sandbox
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);

  switch (command) {
    case 'serve': {
      const deps = await createDeps(config, logger);
      if (config.sandbox) await seedSandbox(deps, { persons: config.sandboxPersons, firstStartOnly: true });
      const app = await buildApp(deps);
      const stopJobs = startJobs(deps);
      const shutdown = async (signal: string) => {
        logger.info({ signal }, 'shutting down');
        stopJobs();
        await app.close();
        await deps.outbox.settled();
        await deps.smsGateway.close?.();
        await deps.database.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      await app.listen({ port: config.port, host: config.host });
      logger.info({ mode: config.mode, database: deps.database.engine }, `serving on http://${config.host}:${config.port}`);
      return -1;
    }
    case 'migrate': {
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      await database.migrate();
      await database.close();
      logger.info({ database: database.engine }, 'migrations applied');
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { persons: { type: 'string', default: '1000' } } });
      const persons = Number(values.persons);
      if (!Number.isInteger(persons) || persons < 0) {
        process.stderr.write('--persons takes a whole number\n');
        return 2;
      }
      if (!config.sandbox) {
        process.stderr.write('seed adds synthetic persons and works only in sandbox mode\n');
        return 2;
      }
      const deps = await createDeps(config, logger);
      const result = await seedSandbox(deps, { persons, firstStartOnly: false });
      logger.info(result, 'sandbox seeded');
      await deps.database.close();
      return 0;
    }
    default:
      process.stderr.write(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
