// A fresh database for each engine and run: a temporary PGlite folder, or a PostgreSQL
// database created beside the admin URL's and dropped afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/client';

export type EngineName = 'pglite' | 'postgres';

export type Engine = {
  name: EngineName;
  /** DATA_DIR for the server processes (PGlite keeps its files here; PostgreSQL ignores it). */
  dataDir: string;
  databaseUrl: string | undefined;
  /** The PostgreSQL database's name, to tell its backends from other users of the server. */
  databaseName: string | undefined;
  /**
   * Opens the database in the bench process. A PGlite folder admits one process at a time,
   * so on PGlite this is only possible while no server runs.
   */
  open(): Promise<Database>;
  dispose(): Promise<void>;
};

/** Where a local PostgreSQL listens besides loopback TCP (Debian's default socket folder). */
const LOCAL_SOCKET_DIR = '/var/run/postgresql';

/**
 * The PostgreSQL admin URL the benchmarks use unless told otherwise: the local server's Unix
 * socket when there is one (the deployment bench/README.md recommends where PostgreSQL runs
 * on the same machine: no TCP stack on either side of each statement), else loopback TCP.
 */
export function defaultPostgresUrl(database: string): string {
  return fs.existsSync(path.join(LOCAL_SOCKET_DIR, '.s.PGSQL.5432'))
    ? `postgres://postgres@localhost/${database}?host=${LOCAL_SOCKET_DIR}`
    : `postgres://postgres@127.0.0.1:5432/${database}`;
}

/** How a URL reaches PostgreSQL, for the reports. */
export function transportOf(url: string): 'unix socket' | 'tcp' {
  return new URL(url).searchParams.get('host')?.startsWith('/') ? 'unix socket' : 'tcp';
}

export async function createEngine(name: EngineName, adminUrl: string, keep: boolean): Promise<Engine> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `absher-bench-${name}-`));
  const removeDir = () => {
    if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  if (name === 'pglite') {
    return {
      name,
      dataDir,
      databaseUrl: undefined,
      databaseName: undefined,
      open: () => openDatabase({ dataDir }),
      async dispose() {
        removeDir();
      },
    };
  }
  const dbName = `absher_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  return {
    name,
    dataDir,
    databaseUrl,
    databaseName: dbName,
    open: () => openDatabase({ databaseUrl, poolSize: 8 }),
    async dispose() {
      if (!keep) await adminQuery(adminUrl, `drop database if exists ${dbName} with (force)`);
      removeDir();
    },
  };
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
