// Prepared raw statements, for the hot paths that drizzle's builders cannot express in one
// statement (data-modifying CTEs). Like a builder's `.prepare(name)`: the SQL is built once,
// PostgreSQL parses and plans it once per connection (PGlite ignores the name), and each call
// sends only the values. One statement commits on its own, atomically, with no BEGIN/COMMIT
// round trips: use it where a use case's whole transaction fits in one statement.
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client';

const dialect = new PgDialect();

export type PreparedSql<Row> = (values: Record<string, unknown>) => Promise<Row[]>;

/**
 * `query` uses `sql.placeholder('name')` for its values. Rows come back as the driver gives
 * them, without drizzle's column mapping: timestamps as strings (read them with `new Date`),
 * `bytea` as a Buffer or a Uint8Array, `json` parsed.
 */
export function prepareSql<Row>(db: Db, name: string, query: SQL): PreparedSql<Row> {
  const prepared = db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false);
  return async (values) => {
    const result = (await prepared.execute(values)) as { rows: Row[] };
    return result.rows;
  };
}

/** One set of prepared statements per database, made on first use. */
export function perDatabase<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) made.set(db, (value = make(db)));
    return value;
  };
}
