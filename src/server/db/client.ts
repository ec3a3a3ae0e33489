// The database: PGlite in DATA_DIR by default, PostgreSQL when DATABASE_URL is set. Both are
// driven through the same Drizzle schema; code receives a `Db` (or a `Tx` inside a
// transaction) and never knows which engine is behind it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
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
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
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

async function databaseSize(db: Db): Promise<number> {
  const r = (await db.execute(sql`select pg_database_size(current_database())::bigint as size`)) as unknown as {
    rows: Array<{ size: number | string }>;
  };
  return Number(r.rows[0]?.size ?? 0);
}

