// The database: PGlite in DATA_DIR by default, PostgreSQL when DATABASE_URL is set. Both are
// driven through the same Drizzle schema; code receives a `Db` (or a `Tx` inside a
// transaction) and never knows which engine is behind it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Client as PgClient } from 'pg';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

export type Database = {
  db: Db;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** Bytes the database occupies (for benchmarks and /metrics). */
  sizeBytes(): Promise<number>;
  /** Applies the generated migrations (once, even when several instances start together). */
  migrate(): Promise<void>;
};

const MIGRATION_LOCK = 727_264_001;

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

export type DatabaseOptions = { databaseUrl?: string; dataDir?: string; poolSize?: number; inMemory?: boolean };

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.inMemory ? undefined : opts.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ? path.join(dataDir, 'pglite') : undefined);
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    close: () => client.close(),
    sizeBytes: () => databaseSize(db),
    async migrate() {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(db as never, { migrationsFolder: MIGRATIONS_DIR });
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // Dates and timestamps come back as strings/Dates consistently with PGlite: `date` stays a string.
  pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
  pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: statementCachingClient(pg.Client) });
  // A dropped connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    close: () => pool.end(),
    sizeBytes: () => databaseSize(db),
    async migrate() {
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      // The advisory lock is held by one dedicated connection for the whole run, so that
      // instances starting together wait for each other instead of racing.
      const lockClient = await pool.connect();
      try {
        await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await migrate(db as never, { migrationsFolder: MIGRATIONS_DIR });
        } finally {
          await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        lockClient.release();
      }
    },
  };
}

/** Distinct statements a connection keeps prepared; others beyond it are planned each time. */
export const PREPARED_PER_CONNECTION = 300;

/** Statement names already computed, by text: the same few hundred statements run all day. */
const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `s_${createHash('sha1').update(text).digest('base64url')}`;
    // Texts that vary with their input (a list of N values) must not grow it without end.
    if (names.size >= 4 * PREPARED_PER_CONNECTION) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * The name under which a connection prepares a statement, or null to run it unnamed. Only
 * statements with values are named (one without may hold several commands, which the extended
 * protocol refuses), and at most PREPARED_PER_CONNECTION distinct ones per connection, so that
 * statements whose text varies with their input (a list of N values) cannot fill a backend's
 * memory. `prepared` is the connection's set, updated here.
 */
export function statementName(text: string, valueCount: number, prepared: Set<string>, limit = PREPARED_PER_CONNECTION): string | null {
  if (valueCount === 0) return null;
  const name = nameOf(text);
  if (!prepared.has(name)) {
    if (prepared.size >= limit) return null;
    prepared.add(name);
  }
  return name;
}

/**
 * A `pg` client that prepares each parameterized statement once per connection, named after a
 * hash of its text, as drivers that cache statements do: PostgreSQL then parses it once and,
 * after a few runs, plans it once, where an unnamed statement is parsed and planned on every
 * run (for the engine's statements of several data-modifying CTEs, most of their cost). Like
 * any prepared statement this needs a session per connection (no pooler in transaction mode
 * between the server and PostgreSQL).
 */
function statementCachingClient(Base: typeof PgClient): typeof PgClient {
  type Config = { text?: unknown; name?: unknown; values?: unknown[] };
  class StatementCachingClient extends Base {
    readonly prepared = new Set<string>();
  }
  const query = Base.prototype.query;
  StatementCachingClient.prototype.query = function (this: StatementCachingClient, config: unknown, values?: unknown, callback?: unknown) {
    const c = config as Config | null;
    if (c && typeof c === 'object' && typeof c.text === 'string' && c.name === undefined) {
      const name = statementName(c.text, Array.isArray(values) ? values.length : (c.values?.length ?? 0), this.prepared);
      if (name) config = { ...c, name };
    }
    return (query as (...args: unknown[]) => unknown).call(this, config, values, callback);
  } as typeof Base.prototype.query;
  return StatementCachingClient;
}

async function databaseSize(db: Db): Promise<number> {
  const r = (await db.execute(sql`select pg_database_size(current_database())::bigint as size`)) as unknown as {
    rows: Array<{ size: number | string }>;
  };
  return Number(r.rows[0]?.size ?? 0);
}

