// Everything a use case may touch from the outside world, built once by main (or by a test)
// and handed to the app. Tests swap the clock, the gateways and the registry here.
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database } from './db/client';
import type { PopulationRegistry } from './adapters/population-registry/port';
import type { SmsGateway } from './adapters/sms/port';
import type { TrafficAgency } from './adapters/traffic/port';
import type { TravelBans } from './adapters/travel-bans/port';
import type { LabourMinistry } from './adapters/labour/port';
import type { HealthMinistry } from './adapters/health/port';
import type { SandboxFaults } from './adapters/sandbox-faults';
import type { Clock } from './platform/clock';
import type { SmsOutbox } from './modules/sms/outbox';
import type { PasswordHasher } from './modules/passwords/hasher';
import type { ParameterStore } from './services/parameters';

export type Deps = {
  config: Config;
  database: Database;
  clock: Clock;
  registry: PopulationRegistry;
  traffic: TrafficAgency;
  travelBans: TravelBans;
  labour: LabourMinistry;
  health: HealthMinistry;
  /** Sandbox mode: the faults each sandbox agency can be made to show (null in production). */
  sandboxFaults: { labour: SandboxFaults; health: SandboxFaults } | null;
  smsGateway: SmsGateway;
  outbox: SmsOutbox;
  /** The services' dated parameters and fees, read through a short cache. */
  parameters: ParameterStore;
  passwords: PasswordHasher;
  logger: Logger;
};
