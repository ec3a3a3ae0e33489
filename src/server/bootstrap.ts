// Wires the dependencies from the config: the database (migrated), the agencies (sandbox or
// real), the SMS outbox. Tests call it with overrides (an in-memory database, a fake clock).
import os from 'node:os';
import type { Logger } from 'pino';
import type { Config } from './config';
import { openDatabase, type Database } from './db/client';
import type { Deps } from './deps';
import { HttpPopulationRegistry } from './adapters/population-registry/http';
import type { PopulationRegistry } from './adapters/population-registry/port';
import { SandboxPopulationRegistry } from './adapters/population-registry/sandbox';
import { HttpSmsGateway } from './adapters/sms/http';
import type { SmsGateway } from './adapters/sms/port';
import { SandboxSmsGateway } from './adapters/sms/sandbox';
import { HttpTrafficAgency } from './adapters/traffic/http';
import { SandboxTrafficAgency } from './adapters/traffic/sandbox';
import { HttpTravelBans } from './adapters/travel-bans/http';
import { SandboxTravelBans } from './adapters/travel-bans/sandbox';
import { HttpLabourMinistry } from './adapters/labour/http';
import type { LabourMinistry } from './adapters/labour/port';
import { SandboxLabourMinistry } from './adapters/labour/sandbox';
import { HttpHealthMinistry } from './adapters/health/http';
import type { HealthMinistry } from './adapters/health/port';
import { SandboxHealthMinistry } from './adapters/health/sandbox';
import { SandboxFaults } from './adapters/sandbox-faults';
import { systemClock, type Clock } from './platform/clock';
import { SmsOutbox } from './modules/sms/outbox';
import { ParameterStore } from './services/parameters';
import { PasswordHasher } from './modules/passwords/hasher';

export type DepsOverrides = Partial<Pick<Deps, 'clock' | 'registry' | 'traffic' | 'travelBans' | 'labour' | 'health' | 'smsGateway' | 'passwords'>> & {
  database?: Database;
  inMemory?: boolean;
};

export async function createDeps(config: Config, logger: Logger, overrides: DepsOverrides = {}): Promise<Deps> {
  const database =
    overrides.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.databasePoolSize,
      inMemory: overrides.inMemory,
    }));
  await database.migrate();
  const clock: Clock = overrides.clock ?? systemClock;
  const timeoutMs = config.agencyTimeoutMs;
  const registry: PopulationRegistry =
    overrides.registry ??
    (config.sandbox
      ? new SandboxPopulationRegistry(database.db)
      : new HttpPopulationRegistry({ url: config.registry.url!, token: config.registry.token!, timeoutMs }));
  const traffic =
    overrides.traffic ??
    (config.sandbox ? new SandboxTrafficAgency(database.db) : new HttpTrafficAgency({ url: config.traffic.url!, token: config.traffic.token!, timeoutMs }));
  const travelBans =
    overrides.travelBans ??
    (config.sandbox ? new SandboxTravelBans(database.db) : new HttpTravelBans({ url: config.travelBans.url!, token: config.travelBans.token!, timeoutMs }));
  const sandboxFaults = config.sandbox
    ? {
        labour: new SandboxFaults('labour_ministry', config.sandboxAgencies.labour, timeoutMs),
        health: new SandboxFaults('health_ministry', config.sandboxAgencies.health, timeoutMs),
      }
    : null;
  const labour: LabourMinistry =
    overrides.labour ??
    (sandboxFaults ? new SandboxLabourMinistry(database.db, clock, sandboxFaults.labour) : new HttpLabourMinistry({ url: config.labour.url!, token: config.labour.token!, timeoutMs }));
  const health: HealthMinistry =
    overrides.health ??
    (sandboxFaults ? new SandboxHealthMinistry(database.db, sandboxFaults.health) : new HttpHealthMinistry({ url: config.health.url!, token: config.health.token!, timeoutMs }));
  const smsGateway: SmsGateway =
    overrides.smsGateway ??
    // A configured provider is used in sandbox mode too (real texts to testers' phones, or a
    // benchmark's stand-in provider); without one the sandbox inbox receives them.
    (config.sms.providerUrl
      ? new HttpSmsGateway({ url: config.sms.providerUrl, token: config.sms.providerToken!, sender: config.sms.sender, timeoutMs })
      : new SandboxSmsGateway(database.db, clock));
  const outbox = new SmsOutbox(database.db, smsGateway, clock, logger);
  // Hash on as many threads as there are cores; queue a bounded burst beyond that.
  const passwords = overrides.passwords ?? new PasswordHasher({ concurrency: Math.max(2, os.availableParallelism()), maxQueue: 512 });
  const parameters = new ParameterStore(database.db, clock, config.parametersCacheMs);
  return { config, database, clock, registry, traffic, travelBans, labour, health, sandboxFaults, smsGateway, outbox, parameters, passwords, logger };
}
