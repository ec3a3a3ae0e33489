// What every scenario receives, and the prepare → start → measure → stop cycle they share.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/server/db/client';
import type { Engine } from './engines';
import type { LoadResult } from './load';
import { awaitQuiet } from './cpu';
import { startAbsher, type ServerProcess } from './processes';

export type Ceilings = {
  /** The bare Fastify route, by number of processes. */
  bare: Map<number, LoadResult>;
  argon2: { rate: number; concurrency: number };
};

export type BenchContext = {
  engine: Engine;
  /** Another empty database of the same engine, for a benchmark that needs one to itself. */
  freshEngine(): Promise<Engine>;
  /** Server processes (PostgreSQL only; PGlite admits one). */
  instances: number;
  durationS: number;
  warmupS: number;
  connections: number;
  loginConcurrency: number;
  /** Seconds of logins before the login measurements (the closed loop's users). */
  loginWarmupS: number;
  poolSize: number | undefined;
  cpuProfDir: string | undefined;
  /** Seconds to wait for the machine's other users to go quiet before each measurement. */
  quietWaitS: number;
  ceilings: Ceilings;
  secretKey: string;
  log(message: string): void;
  /** Everything behind a row (status counts, stage timings, refusals), for the report. */
  detail(scenario: string, data: unknown): void;
};

/**
 * Inserts the scenario's data while no server runs (PGlite allows a single process), then
 * starts the servers, runs the measurement and stops them whatever happens.
 */
export async function withServers<T, R>(
  ctx: BenchContext,
  scenario: string,
  prepare: (db: Db) => Promise<T>,
  measure: (urls: string[], data: T, servers: ServerProcess[]) => Promise<R>,
  serverEnv?: Record<string, string>,
): Promise<R> {
  const started = performance.now();
  const database = await ctx.engine.open();
  let data: T;
  try {
    await database.migrate();
    data = await prepare(database.db);
  } finally {
    await database.close();
  }
  ctx.log(`${ctx.engine.name}/${scenario}: data ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const instances = ctx.engine.name === 'pglite' ? 1 : ctx.instances;
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < instances; i++) {
      const cpuProfDir = ctx.cpuProfDir ? path.join(ctx.cpuProfDir, `${ctx.engine.name}-${scenario}-${i + 1}`) : undefined;
      if (cpuProfDir) fs.mkdirSync(cpuProfDir, { recursive: true });
      servers.push(await startAbsher({ dataDir: ctx.engine.dataDir, databaseUrl: ctx.engine.databaseUrl, poolSize: ctx.poolSize, cpuProfDir, env: serverEnv }));
    }
    await awaitQuiet(ctx.quietWaitS, ctx.log);
    const result = await measure(
      servers.map((s) => s.url),
      data,
      servers,
    );
    // A server stopped from outside (a signal from another user of the machine) leaves a
    // figure that measures nothing: refuse it rather than report it.
    const ended = servers.filter((s) => s.exited());
    if (ended.length > 0) throw new ServerEndedError(ended.map((s) => `${s.pid} (${s.exited()})`).join(', '));
    return result;
  } catch (err) {
    for (const s of servers) ctx.log(`server ${s.pid} last lines:\n  ${s.logTail().slice(-15).join('\n  ')}`);
    throw err;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

export class ServerEndedError extends Error {
  constructor(which: string) {
    super(`the server ended on its own during the measurement: ${which}`);
    this.name = 'ServerEndedError';
  }
}

/**
 * What the servers said beyond routine: warnings and errors (failed SMS deliveries, pool
 * errors), anything not in pino's JSON (a crash), and whether one ended on its own.
 */
export function warnings(servers: ServerProcess[]): string[] {
  return servers.flatMap((s) => {
    const said = s.logTail().filter((l) => !l.startsWith('{') || /"level":(40|50|60)/.test(l));
    const ended = s.exited();
    return [...said.slice(-10), ...(ended ? [`server ${s.pid} ended on its own: ${ended}`] : [])];
  });
}
