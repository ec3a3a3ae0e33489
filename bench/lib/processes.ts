// The servers under test run in child processes, so that the load generator never shares
// their event loop: what is measured is the server, not the server plus the client.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type ServerProcess = {
  url: string;
  pid: number;
  /** The last lines the process wrote, for the report when something goes wrong. */
  logTail(): string[];
  /** The exit code or signal, when the process ended before it was told to stop. */
  exited(): string | undefined;
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export type AbsherOptions = {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** DATABASE_POOL_SIZE; the server's default when unset. */
  poolSize?: number | undefined;
  /** Writes a V8 CPU profile of the server into this folder when it stops. */
  cpuProfDir?: string | undefined;
  /** WEB_DIST: the built portal the server serves; the server's default (dist/web) when unset. */
  webDist?: string | undefined;
  /** More settings, such as an SMS provider (SMS_PROVIDER_URL, SMS_PROVIDER_TOKEN). */
  env?: Record<string, string> | undefined;
};

/** `absher serve`, exactly as an operator starts it, in sandbox mode. */
export async function startAbsher(opts: AbsherOptions): Promise<ServerProcess> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: opts.dataDir,
    ABSHER_MODE: 'sandbox',
    LOG_LEVEL: 'warn',
    SANDBOX_PERSONS: '10',
  };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  if (opts.poolSize) env.DATABASE_POOL_SIZE = String(opts.poolSize);
  if (opts.webDist) env.WEB_DIST = opts.webDist;
  Object.assign(env, opts.env);
  const nodeArgs = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, 'bin/absher.js', 'serve'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return watch(child, `http://127.0.0.1:${port}`, '/healthz');
}

/** The ceiling: Fastify answering {"ok":true}, nothing else. */
export async function startBareFastify(): Promise<ServerProcess> {
  const port = await freePort();
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', PORT: String(port) };
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return watch(child, `http://127.0.0.1:${port}`, '/');
}

async function watch(child: ChildProcess, url: string, readyPath: string): Promise<ServerProcess> {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(line);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null | undefined;
  let how: string | undefined;
  let stopping = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = code;
      if (!stopping) how = signal ?? `code ${code}`;
      resolve();
    }),
  );

  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`server exited with ${exited} before it was ready:\n${lines.slice(-30).join('\n')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after 180 s:\n${lines.slice(-30).join('\n')}`);
    }
    try {
      const res = await fetch(url + readyPath);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }

  return {
    url,
    pid: child.pid ?? -1,
    logTail: () => [...lines],
    exited: () => how,
    async stop() {
      if (exited !== undefined) return;
      stopping = true;
      // SIGTERM lets the server close its pool and, when profiling, write the profile.
      child.kill('SIGTERM');
      const killed = await Promise.race([exit.then(() => true), sleep(20_000).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await exit;
      }
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
