// The sandbox seeding benchmark: seeds N synthetic persons with registered, activated
// accounts into a fresh database and prints persons per second, seconds, and the bytes of
// database each person costs (registry row, account, family links, indexes included).
//
//   node --import tsx bench/seed.ts --persons 3083252      # PostgreSQL at $DATABASE_URL (a fresh database)
//   node --import tsx bench/seed.ts --persons 100000       # PGlite in a temporary DATA_DIR
//
// Targets: 3,083,252 persons (the published count of registered users) in at most 120 s on
// PostgreSQL, at most 1 KB of database per person. A benchmark: a missed target is reported,
// never a failed exit code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config';
import { createLogger } from '../src/server/logger';
import { createDeps } from '../src/server/bootstrap';
import type { Db } from '../src/server/db/client';
import { registryPersons } from '../src/server/db/schema';
import { seedSandbox } from '../src/server/modules/sandbox/seed';

const TARGET_SECONDS = 120;
const TARGET_BYTES_PER_PERSON = 1024;

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    chunk: { type: 'string' },
    json: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(
    'usage: node --import tsx bench/seed.ts --persons N [--chunk N] [--json FILE]\n' +
      '  DATABASE_URL set: PostgreSQL (the database must be fresh: create one for the run); otherwise PGlite in a temporary directory\n',
  );
  process.exit(0);
}
const persons = Number(values.persons);
const chunkSize = values.chunk ? Number(values.chunk) : undefined;
if (!Number.isInteger(persons) || persons <= 0 || (chunkSize !== undefined && !(Number.isInteger(chunkSize) && chunkSize > 0))) {
  process.stderr.write('--persons and --chunk take positive whole numbers\n');
  process.exit(2);
}

const tempDir = process.env.DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'absher-bench-seed-'));
const config = loadConfig({
  ...process.env,
  ABSHER_MODE: 'sandbox',
  LOG_LEVEL: 'silent',
  ...(tempDir ? { DATA_DIR: tempDir } : {}),
});
const logger = createLogger('silent');

try {
  const deps = await createDeps(config, logger);
  const db = deps.database.db;
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(registryPersons);
  if (Number(existing?.n ?? 0) > 0) {
    process.stderr.write('the database already holds a population: run the benchmark on a fresh database\n');
    await deps.database.close();
    process.exit(2);
  }

  const bytesBefore = await deps.database.sizeBytes();
  const postgres = deps.database.engine === 'postgres';
  const writersBefore = postgres ? processCpu(await writerPids(db)) : 0;
  // The pool may replace a connection during the run, taking its CPU time with it: sample.
  const backends = postgres ? sampleBackends(await databaseName(db)) : null;
  const cpuBefore = machineCpu();
  const nodeBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await seedSandbox(deps, { persons, firstStartOnly: false, chunkSize });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const nodeCpu = process.cpuUsage(nodeBefore);
  const cpuAfter = machineCpu();
  const backendsCpu = backends ? backends.stop() : 0;
  const writersCpu = postgres ? processCpu(await writerPids(db)) - writersBefore : 0;
  const bytesAfter = await deps.database.sizeBytes();
  const tables = await relationSizes(postgres ? db : null);
  await deps.database.close();

  const bytesPerPerson = (bytesAfter - bytesBefore) / persons;
  const report = {
    engine: deps.database.engine,
    persons,
    accounts: result.accounts,
    seconds: round(seconds, 2),
    personsPerSecond: Math.round(persons / seconds),
    bytesBefore,
    bytesAfter,
    bytesPerPerson: Math.round(bytesPerPerson),
    tables,
    // CPU-seconds the seeding itself used (Node, its PostgreSQL backends, PostgreSQL's WAL
    // and checkpoint writers); against the wall time it tells how much a busy neighbour took.
    cpuSeconds: {
      node: round((nodeCpu.user + nodeCpu.system) / 1e6, 1),
      postgresBackends: round(backendsCpu, 1),
      postgresWriters: round(writersCpu, 1),
    },
    // How busy the two cores were over the run, everyone included.
    machineCpuBusy: cpuBefore && cpuAfter ? round((cpuAfter.busy - cpuBefore.busy) / (cpuAfter.total - cpuBefore.total), 2) : null,
    loadAverage: os.loadavg().map((l) => round(l, 2)),
    cores: os.availableParallelism(),
  };

  const line = (label: string, value: string, target?: string) =>
    process.stdout.write(`${label.padEnd(24)}${value.padStart(16)}${target ? `   target ${target}` : ''}\n`);
  process.stdout.write(`sandbox seeding benchmark (${report.engine})\n`);
  line('persons seeded', persons.toLocaleString('en'));
  line('accounts created', result.accounts.toLocaleString('en'));
  line('seconds', report.seconds.toFixed(2), report.engine === 'postgres' && persons >= 3_083_252 ? `<= ${TARGET_SECONDS} s` : undefined);
  line('persons per second', report.personsPerSecond.toLocaleString('en'));
  line('database bytes before', bytesBefore.toLocaleString('en'));
  line('database bytes after', bytesAfter.toLocaleString('en'));
  line('bytes per person', report.bytesPerPerson.toLocaleString('en'), `<= ${TARGET_BYTES_PER_PERSON}`);
  for (const [table, bytes] of Object.entries(tables)) line(`  ${table}`, `${round(bytes / persons, 1)} B/person`);
  const own = report.cpuSeconds.node + report.cpuSeconds.postgresBackends + report.cpuSeconds.postgresWriters;
  line('CPU-seconds (seeding)', own.toFixed(1));
  line('  node', report.cpuSeconds.node.toFixed(1));
  if (postgres) {
    line('  postgres backends', report.cpuSeconds.postgresBackends.toFixed(1));
    line('  postgres writers', report.cpuSeconds.postgresWriters.toFixed(1));
  }
  if (report.machineCpuBusy !== null) {
    line('machine CPU busy', `${Math.round(report.machineCpuBusy * 100)} %`);
    line('  of it the seeding', `${Math.round((100 * own) / (seconds * report.cores))} %`);
  }
  line('load average (1/5/15)', report.loadAverage.join(' / '));
  if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
} finally {
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
}

/** Table sizes with their indexes (PostgreSQL only: PGlite reports the database as a whole). */
async function relationSizes(db: Db | null): Promise<Record<string, number>> {
  if (!db) return {};
  const r = (await db.execute(sql`
    select relname as name, pg_total_relation_size(oid)::bigint as bytes from pg_class
    where relname in ('registry_persons', 'registry_family_links', 'accounts') order by relname`)) as unknown as {
    rows: Array<{ name: string; bytes: number | string }>;
  };
  return Object.fromEntries(r.rows.map((row) => [row.name, Number(row.bytes)]));
}

/** PostgreSQL's shared WAL, checkpoint and background writers. */
async function writerPids(db: Db): Promise<number[]> {
  const r = (await db.execute(
    sql`select pid from pg_stat_activity where backend_type in ('walwriter', 'checkpointer', 'background writer')`,
  )) as unknown as { rows: Array<{ pid: number }> };
  return r.rows.map((row) => Number(row.pid));
}

async function databaseName(db: Db): Promise<string> {
  const r = (await db.execute(sql`select current_database() as name`)) as unknown as { rows: Array<{ name: string }> };
  return r.rows[0]!.name;
}

/**
 * The CPU time of the backends serving one database (their process title names it), sampled
 * every half second so that a connection closed during the run still counts up to its last
 * sample; what a backend had used before the sampling started is left out.
 */
function sampleBackends(database: string): { stop(): number } {
  const scan = (): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    let entries: string[] = [];
    try {
      entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
    } catch {
      return out;
    }
    for (const e of entries) {
      try {
        const title = fs.readFileSync(`/proc/${e}/cmdline`, 'utf8');
        if (title.startsWith('postgres: ') && title.split(' ').includes(database)) out.push([Number(e), processCpu([Number(e)])]);
      } catch {
        // ended meanwhile
      }
    }
    return out;
  };
  const start = new Map(scan());
  const last = new Map<number, number>();
  const sample = () => {
    for (const [pid, cpu] of scan()) last.set(pid, cpu);
  };
  const timer = setInterval(sample, 500);
  return {
    stop() {
      clearInterval(timer);
      sample();
      let total = 0;
      for (const [pid, cpu] of last) total += cpu - (start.get(pid) ?? 0);
      return total;
    },
  };
}

/** CPU-seconds (user and system) used so far by these processes, read from /proc; 0 elsewhere. */
function processCpu(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // The fields after the command name (which may hold spaces) start with the state.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // a process that ended meanwhile, or not Linux
    }
  }
  return ticks / 100;
}

function machineCpu(): { busy: number; total: number } | null {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
