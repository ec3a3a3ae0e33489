// The seeding benchmark lives in bench/seed.ts; this runs it as a child process on an empty
// database of its own (it refuses one that already holds people) and brings its figures
// into the table.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BenchContext } from '../lib/context';
import { awaitQuiet } from '../lib/cpu';
import type { Engine } from '../lib/engines';
import { REPO_ROOT } from '../lib/processes';
import { rate, type Row } from '../lib/report';

/** The published count of registered users, and what bench/seed.ts holds it to on PostgreSQL. */
const PUBLISHED_USERS = 3_083_252;
const TARGET_SECONDS = 120;
const TARGET_BYTES_PER_PERSON = 1024;

type SeedReport = { engine?: string; persons?: number; seconds?: number; personsPerSecond?: number; bytesPerPerson?: number; machineCpuBusy?: number | null };

export async function runSeedScenario(ctx: BenchContext, persons: number): Promise<Row[]> {
  const engine = await ctx.freshEngine();
  try {
    await awaitQuiet(ctx.quietWaitS, ctx.log);
    return await seed(ctx, engine, persons);
  } finally {
    await engine.dispose();
  }
}

async function seed(ctx: BenchContext, engine: Engine, persons: number): Promise<Row[]> {
  const out = path.join(engine.dataDir, 'seed-report.json');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production' };
  if (engine.databaseUrl) env.DATABASE_URL = engine.databaseUrl;
  ctx.log(`${engine.name}/seed: bench/seed.ts --persons ${persons}`);
  const lines: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/seed.ts', '--persons', String(persons), '--json', out], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (c: Buffer) => lines.push(...c.toString('utf8').split('\n').filter((l) => l.trim()));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('exit', resolve);
  });
  ctx.detail(`${engine.name}/seed`, { exitCode: code, output: lines.slice(-30) });
  if (code !== 0 || !fs.existsSync(out)) {
    return [{ engine: engine.name, measurement: `sandbox seeding (bench/seed.ts), ${persons} persons`, result: `failed (exit ${code}): ${lines.at(-1) ?? ''}`, met: null }];
  }
  const r = JSON.parse(fs.readFileSync(out, 'utf8')) as SeedReport;
  const judged = engine.name === 'postgres' && persons >= PUBLISHED_USERS;
  const seconds = r.seconds ?? Number.NaN;
  const bytes = r.bytesPerPerson ?? Number.NaN;
  return [
    {
      engine: engine.name,
      measurement: `sandbox seeding (bench/seed.ts), ${persons.toLocaleString('en-US')} persons with active accounts`,
      result: `${rate(r.personsPerSecond ?? 0)} persons/s, ${seconds} s, ${bytes} B/person`,
      target: judged ? `≤ ${TARGET_SECONDS} s, ≤ ${TARGET_BYTES_PER_PERSON} B/person` : `none below ${PUBLISHED_USERS.toLocaleString('en-US')} persons`,
      met: judged ? seconds <= TARGET_SECONDS && bytes <= TARGET_BYTES_PER_PERSON : null,
    },
  ];
}
