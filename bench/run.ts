// The identity benchmarks: `npm run bench -- [options]`. Measures the ceilings (a bare Fastify
// route, bare argon2id), then on each engine the login journey, code verification, GET /me
// and channel activation, and prints one table with every figure beside its ceiling and
// target. A benchmark, not a test: a missed target is reported, never a failed exit code.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/server/config';
import { ServerEndedError, type BenchContext, type Ceilings } from './lib/context';
import { createEngine, defaultPostgresUrl, transportOf, type EngineName } from './lib/engines';
import { measuredWindows, profilesIn, summarizeProfile } from './lib/profile';
import { table, type Row } from './lib/report';
import { bareFastify, ceilingRows, measureArgon2, type Ceiling } from './scenarios/ceilings';
import { awaitQuiet, loadAverage } from './lib/cpu';
import { runLoginScenario } from './scenarios/login';
import { requestScenarios, runRequestScenario } from './scenarios/requests';
import { runSeedScenario } from './scenarios/seed';

const SCENARIOS = ['login', ...requestScenarios, 'seed'];

const USAGE = `usage: npm run bench -- [options]
  --engine pglite|postgres|both   which database (default both)
  --scenario LIST                 comma-separated: ${SCENARIOS.join(', ')} (default all); the ceilings always run
  --duration S                    seconds per measured run (default 10)
  --warmup S                      seconds of warm-up before each (default 3)
  --connections N                 autocannon connections (default 32)
  --login-users N                 simultaneous users in the closed login loop (default 8)
  --login-warmup S                seconds of logins before the login measurements, for the JIT of the
                                  server and the load generator to settle (default 60)
  --instances LIST                server processes on PostgreSQL, e.g. 1,2 (default 1)
  --seed-persons N                persons for the seeding benchmark, bench/seed.ts (default 100000)
  --pool-size N                   DATABASE_POOL_SIZE of each server (default: the server's)
  --pg-url URL                    PostgreSQL admin URL (default $BENCH_PG_URL, else the local socket
                                  in /var/run/postgresql when there is one, else postgres://postgres@127.0.0.1:5432/postgres)
  --json FILE                     also write every result and detail as JSON
  --quiet-wait S                  before each measurement, wait up to S seconds for other work on the machine to stop (default 60)
  --cpu-prof DIR                  profile the servers (node --cpu-prof) and summarize where their time went
  --keep                          keep the temporary databases
`;

function options() {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', default: 'both' },
      scenario: { type: 'string', default: 'all' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '32' },
      'login-users': { type: 'string', default: '8' },
      'login-warmup': { type: 'string', default: '60' },
      instances: { type: 'string', default: '1' },
      'seed-persons': { type: 'string', default: '100000' },
      'quiet-wait': { type: 'string', default: '60' },
      'pool-size': { type: 'string' },
      'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? defaultPostgresUrl('postgres') },
      json: { type: 'string' },
      'cpu-prof': { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const whole = (name: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes a whole number ≥ ${min}`);
    return n;
  };
  const engines: EngineName[] =
    values.engine === 'both' ? ['pglite', 'postgres'] : values.engine === 'pglite' || values.engine === 'postgres' ? [values.engine] : [];
  if (engines.length === 0) throw new Error('--engine takes pglite, postgres or both');
  const scenarios = values.scenario === 'all' ? SCENARIOS : values.scenario.split(',').map((s) => s.trim());
  for (const s of scenarios) if (!SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}; known: ${SCENARIOS.join(', ')}`);
  const instances = values.instances.split(',').map((s) => whole('instances', s, 1));
  return {
    engines,
    scenarios,
    durationS: whole('duration', values.duration, 1),
    warmupS: whole('warmup', values.warmup, 1),
    connections: whole('connections', values.connections, 1),
    loginUsers: whole('login-users', values['login-users'], 1),
    loginWarmupS: whole('login-warmup', values['login-warmup'], 1),
    instances,
    seedPersons: whole('seed-persons', values['seed-persons'], 1),
    quietWaitS: whole('quiet-wait', values['quiet-wait'], 0),
    poolSize: values['pool-size'] === undefined ? undefined : whole('pool-size', values['pool-size'], 1),
    pgUrl: values['pg-url'],
    json: values.json,
    cpuProfDir: values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined,
    keep: values.keep,
  };
}

const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function machine(pgUrl: string, usesPostgres: boolean) {
  let postgres: string | undefined;
  if (usesPostgres) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    postgres = (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v;
    await client.end();
  }
  let nproc = String(os.availableParallelism());
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // not every system has nproc; availableParallelism says the same for Node's purposes
  }
  return {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    nproc,
    availableParallelism: os.availableParallelism(),
    memoryGiB: Math.floor((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres,
    pglite: JSON.parse(fs.readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')).version as string,
  };
}

async function main(): Promise<void> {
  const opts = options();
  const usesPostgres = opts.engines.includes('postgres');
  const host = await machine(opts.pgUrl, usesPostgres);
  log(`${host.cpu}, ${host.nproc} cores, ${host.memoryGiB} GiB, Node ${host.node}${host.postgres ? `, PostgreSQL ${host.postgres} over ${transportOf(opts.pgUrl)}` : ''}`);
  const details: Record<string, unknown> = {};
  const rows: Row[] = [];

  // The ceilings first, with every process count the servers will use; again at the end, so
  // that a machine whose speed drifted during the run (a busy neighbour) shows it.
  const processCounts = [...new Set([1, ...(usesPostgres ? opts.instances : [])])].sort();
  const measureCeilings = async (when: string) => {
    const bare = new Map<number, Ceiling>();
    for (const n of processCounts) {
      await awaitQuiet(opts.quietWaitS, log);
      log(`ceiling (${when}): bare Fastify, ${n} process(es), ${opts.connections} connections, ${opts.durationS} s`);
      bare.set(n, await bareFastify(n, opts.connections, opts.durationS, opts.warmupS));
    }
    await awaitQuiet(opts.quietWaitS, log);
    log(`ceiling (${when}): argon2id, ${opts.durationS} s`);
    const argon2 = await measureArgon2(opts.durationS);
    details[`ceilings (${when})`] = { bare: Object.fromEntries(bare), argon2, loadAverage: loadAverage() };
    return { bare, argon2, rows: ceilingRows(bare, argon2, opts.connections, when) };
  };
  const first = await measureCeilings('start');
  const ceilings: Ceilings = { bare: first.bare, argon2: first.argon2 };
  rows.push(...first.rows);

  const secretKey = loadConfig({ ABSHER_MODE: 'sandbox' }).secretKey;
  for (const engineName of opts.engines) {
    const runs = engineName === 'postgres' ? opts.instances : [1];
    for (const instances of runs) {
      const engine = await createEngine(engineName, opts.pgUrl, opts.keep);
      log(`${engineName}: ${instances} server process(es), data in ${engine.databaseUrl ?? engine.dataDir}`);
      const ctx: BenchContext = {
        engine,
        freshEngine: () => createEngine(engineName, opts.pgUrl, opts.keep),
        instances,
        durationS: opts.durationS,
        warmupS: opts.warmupS,
        connections: opts.connections,
        loginConcurrency: opts.loginUsers,
        loginWarmupS: opts.loginWarmupS,
        poolSize: opts.poolSize,
        cpuProfDir: opts.cpuProfDir ? path.join(opts.cpuProfDir, `x${instances}`) : undefined,
        quietWaitS: opts.quietWaitS,
        ceilings,
        secretKey,
        log,
        detail: (key, data) => {
          details[instances > 1 ? `${key} ×${instances}` : key] = data;
        },
      };
      try {
        for (const scenario of opts.scenarios) {
          if (scenario === 'seed' && instances > 1) continue; // seeding has no server to multiply
          const once = () =>
            scenario === 'login'
              ? runLoginScenario(ctx)
              : scenario === 'seed'
                ? runSeedScenario(ctx, opts.seedPersons)
                : runRequestScenario(ctx, scenario);
          try {
            try {
              rows.push(...(await once()));
            } catch (err) {
              if (!(err instanceof ServerEndedError)) throw err;
              log(`${engineName}/${scenario}: ${err.message}; measuring again`);
              details[`${engineName}/${scenario} (first attempt)`] = err.message;
              rows.push(...(await once()));
            }
          } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            log(`${engineName}/${scenario} failed: ${message}`);
            rows.push({ engine: engineName, measurement: scenario, result: `failed: ${message.split('\n')[0]}`, met: engineName === 'postgres' ? false : null });
          }
        }
      } finally {
        await engine.dispose();
      }
    }
  }

  rows.push(...(await measureCeilings('end')).rows);

  if (opts.cpuProfDir) {
    const profiles: Record<string, unknown> = {};
    for (const file of profilesIn(opts.cpuProfDir)) {
      // Folders are <engine>-<scenario>-<process number>; the windows are per scenario.
      const folder = path.basename(path.dirname(file)).replace(/-\d+$/, '');
      profiles[path.relative(opts.cpuProfDir, file)] = summarizeProfile(file, measuredWindows(folder));
    }
    details.profiles = profiles;
  }

  process.stdout.write(`\n## Details\n\n\`\`\`json\n${JSON.stringify(details, null, 2)}\n\`\`\`\n`);
  process.stdout.write(
    `\n## Results (${host.date.slice(0, 10)}; ${host.cpu}, ${host.nproc} cores, ${host.memoryGiB} GiB, Node ${host.node}` +
      `${host.postgres ? `, PostgreSQL ${host.postgres} over ${transportOf(opts.pgUrl)}` : ''}, PGlite ${host.pglite}; ${opts.durationS} s runs after ${opts.warmupS} s warm-up, logins after ${opts.loginWarmupS} s)\n\n`,
  );
  process.stdout.write(`${table(rows)}\n`);
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify({ machine: host, options: opts, rows, details }, null, 2));
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
