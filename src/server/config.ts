// The only reader of process.env. Everything the server needs from its environment is
// declared, validated and defaulted here; the server refuses to start on bad config.
import path from 'node:path';
import { z } from 'zod';

export const SANDBOX_SECRET_PREFIX = 'sandbox-';

/** The sandbox channel clients of the contract, with their fixed sandbox secrets. */
export const SANDBOX_CHANNEL_CLIENTS = [
  { id: 'atm-alrajhi', kind: 'atm', bank: 'alrajhi' },
  { id: 'atm-riyadbank', kind: 'atm', bank: 'riyadbank' },
  { id: 'atm-samba', kind: 'atm', bank: 'samba' },
  { id: 'atm-alinma', kind: 'atm', bank: 'alinma' },
  { id: 'kiosk-airports', kind: 'kiosk', bank: null },
] as const;

const channelClient = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,64}$/),
  kind: z.enum(['atm', 'kiosk']),
  secret: z.string().min(32, 'a channel secret needs at least 32 characters'),
});
export type ChannelClientConfig = z.infer<typeof channelClient>;

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  ABSHER_MODE: z.enum(['sandbox', 'production']).default('sandbox'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Keys the one-time-code hashes; at least 32 characters in production. */
  SECRET_KEY: z.string().optional(),
  /** JSON array of {id, kind, secret}: the bank and kiosk clients allowed to call the channel API. */
  CHANNEL_CLIENTS: z.string().optional(),
  /** Behind a reverse proxy, trust its X-Forwarded-* headers. */
  TRUST_PROXY: boolish.default(false),
  SMS_PROVIDER_URL: z.string().url().optional(),
  SMS_PROVIDER_TOKEN: z.string().optional(),
  SMS_SENDER: z.string().default('Absher'),
  REGISTRY_URL: z.string().url().optional(),
  REGISTRY_TOKEN: z.string().optional(),
  TRAFFIC_URL: z.string().url().optional(),
  TRAFFIC_TOKEN: z.string().optional(),
  TRAVEL_BANS_URL: z.string().url().optional(),
  TRAVEL_BANS_TOKEN: z.string().optional(),
  LABOUR_URL: z.string().url().optional(),
  LABOUR_TOKEN: z.string().optional(),
  HEALTH_URL: z.string().url().optional(),
  HEALTH_TOKEN: z.string().optional(),
  /** How long a call to a partner agency may take before the platform answers "try again later". */
  AGENCY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /**
   * How long an instance keeps the fee schedule and service parameters it read. A schedule is
   * dated rows, normally published ahead of its effective day; a row for today reaches every
   * instance within this time.
   */
  PARAMETERS_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Sandbox labour ministry: how long it takes to answer, and the share of approvals it refuses. */
  SANDBOX_LABOUR_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  SANDBOX_LABOUR_REFUSAL_PERCENT: z.coerce.number().int().min(0).max(100).default(0),
  /** Sandbox health ministry: how long it takes to answer. */
  SANDBOX_HEALTH_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  /** Seed for the sandbox's synthetic population; the same seed gives the same people. */
  SANDBOX_SEED: z.coerce.number().int().default(20261123),
  /** How many synthetic persons the sandbox registry holds after the first start. */
  SANDBOX_PERSONS: z.coerce.number().int().min(0).default(200),
  /** Serve the built portal from this folder when it exists. */
  WEB_DIST: z.string().default('./dist/web'),
});

export type Config = Readonly<{
  mode: 'sandbox' | 'production';
  sandbox: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  logLevel: string;
  secretKey: string;
  channelClients: readonly ChannelClientConfig[];
  trustProxy: boolean;
  sms: { providerUrl: string | undefined; providerToken: string | undefined; sender: string };
  registry: { url: string | undefined; token: string | undefined };
  traffic: { url: string | undefined; token: string | undefined };
  travelBans: { url: string | undefined; token: string | undefined };
  labour: { url: string | undefined; token: string | undefined };
  health: { url: string | undefined; token: string | undefined };
  agencyTimeoutMs: number;
  parametersCacheMs: number;
  sandboxAgencies: { labour: { delayMs: number; refusalPercent: number }; health: { delayMs: number } };
  sandboxSeed: number;
  sandboxPersons: number;
  webDist: string;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const sandbox = e.ABSHER_MODE === 'sandbox';
  const problems: string[] = [];

  let channelClients: ChannelClientConfig[] = [];
  if (e.CHANNEL_CLIENTS) {
    try {
      const list = z.array(channelClient).safeParse(JSON.parse(e.CHANNEL_CLIENTS));
      if (list.success) channelClients = list.data;
      else problems.push(...list.error.issues.map((i) => `CHANNEL_CLIENTS.${i.path.join('.')}: ${i.message}`));
    } catch {
      problems.push('CHANNEL_CLIENTS: not valid JSON');
    }
  }

  let secretKey = e.SECRET_KEY;
  if (sandbox) {
    secretKey ??= `${SANDBOX_SECRET_PREFIX}secret-key-not-for-production`;
    const configured = new Set(channelClients.map((c) => c.id));
    for (const c of SANDBOX_CHANNEL_CLIENTS) {
      if (!configured.has(c.id)) channelClients.push({ id: c.id, kind: c.kind, secret: `sandbox-secret-${c.id}` });
    }
    // A real provider may stand in for the sandbox inbox; it needs its token all the same.
    if (e.SMS_PROVIDER_URL && !e.SMS_PROVIDER_TOKEN) problems.push('SMS_PROVIDER_TOKEN is required with SMS_PROVIDER_URL');
  } else {
    if (!secretKey) problems.push('SECRET_KEY is required in production');
    else if (secretKey.length < 32) problems.push('SECRET_KEY needs at least 32 characters');
    else if (secretKey.startsWith(SANDBOX_SECRET_PREFIX)) problems.push('SECRET_KEY is a sandbox secret');
    if (channelClients.length === 0) problems.push('CHANNEL_CLIENTS is required in production');
    for (const c of channelClients) {
      if (c.secret.startsWith(SANDBOX_SECRET_PREFIX)) problems.push(`CHANNEL_CLIENTS: ${c.id} has a sandbox secret`);
    }
    if (!e.SMS_PROVIDER_URL || !e.SMS_PROVIDER_TOKEN) problems.push('SMS_PROVIDER_URL and SMS_PROVIDER_TOKEN are required in production');
    if (!e.REGISTRY_URL || !e.REGISTRY_TOKEN) problems.push('REGISTRY_URL and REGISTRY_TOKEN are required in production');
    if (!e.TRAFFIC_URL || !e.TRAFFIC_TOKEN) problems.push('TRAFFIC_URL and TRAFFIC_TOKEN are required in production');
    if (!e.TRAVEL_BANS_URL || !e.TRAVEL_BANS_TOKEN) problems.push('TRAVEL_BANS_URL and TRAVEL_BANS_TOKEN are required in production');
    if (!e.LABOUR_URL || !e.LABOUR_TOKEN) problems.push('LABOUR_URL and LABOUR_TOKEN are required in production');
    if (!e.HEALTH_URL || !e.HEALTH_TOKEN) problems.push('HEALTH_URL and HEALTH_TOKEN are required in production');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    mode: e.ABSHER_MODE,
    sandbox,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    logLevel: e.LOG_LEVEL,
    secretKey: secretKey!,
    channelClients,
    trustProxy: e.TRUST_PROXY,
    sms: { providerUrl: e.SMS_PROVIDER_URL, providerToken: e.SMS_PROVIDER_TOKEN, sender: e.SMS_SENDER },
    registry: { url: e.REGISTRY_URL, token: e.REGISTRY_TOKEN },
    traffic: { url: e.TRAFFIC_URL, token: e.TRAFFIC_TOKEN },
    travelBans: { url: e.TRAVEL_BANS_URL, token: e.TRAVEL_BANS_TOKEN },
    labour: { url: e.LABOUR_URL, token: e.LABOUR_TOKEN },
    health: { url: e.HEALTH_URL, token: e.HEALTH_TOKEN },
    agencyTimeoutMs: e.AGENCY_TIMEOUT_MS,
    parametersCacheMs: e.PARAMETERS_CACHE_SECONDS * 1000,
    sandboxAgencies: {
      labour: { delayMs: e.SANDBOX_LABOUR_DELAY_MS, refusalPercent: e.SANDBOX_LABOUR_REFUSAL_PERCENT },
      health: { delayMs: e.SANDBOX_HEALTH_DELAY_MS },
    },
    sandboxSeed: e.SANDBOX_SEED,
    sandboxPersons: e.SANDBOX_PERSONS,
    webDist: path.resolve(e.WEB_DIST),
  });
}

function stripEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}
