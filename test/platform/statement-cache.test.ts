// PostgreSQL connections prepare each parameterized statement once (src/server/db/client.ts).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementName } from '../../src/server/db/client';
import type { Database } from '../../src/server/db/client';
import { openTestDatabase } from '../helpers/database';

describe('statementName', () => {
  it('names a statement with values after its text, the same name for the same text', () => {
    const prepared = new Set<string>();
    const a = statementName('select $1::int', 1, prepared);
    expect(a).toMatch(/^s_[\w-]{27}$/);
    expect(statementName('select $1::int', 1, prepared)).toBe(a);
    expect(statementName('select $1::text', 1, prepared)).not.toBe(a);
    expect(prepared.size).toBe(2);
  });

  it('leaves a statement without values unnamed (it may hold several commands)', () => {
    const prepared = new Set<string>();
    expect(statementName('select 1; select 2', 0, prepared)).toBeNull();
    expect(prepared.size).toBe(0);
  });

  it('names no new statement past the limit, and keeps naming the ones it has', () => {
    const prepared = new Set<string>();
    const first = statementName('select $1', 1, prepared, 2);
    statementName('select $1, 2', 1, prepared, 2);
    expect(statementName('select $1, 3', 1, prepared, 2)).toBeNull();
    expect(statementName('select $1', 1, prepared, 2)).toBe(first);
    expect(prepared.size).toBe(2);
  });
});

// Only PostgreSQL keeps prepared statements per connection; PGlite runs each statement as given.
if (process.env.DATABASE_URL) {
  describe('on PostgreSQL', () => {
    let database: Database;
    beforeAll(async () => {
      database = await openTestDatabase();
    });
    afterAll(async () => {
      await database.close();
    });

    it('prepares a parameterized statement once per connection and runs it again by name', async () => {
      const { db } = database;
      // One transaction holds one connection, whose own prepared statements the view lists.
      const seen = await db.transaction(async (tx) => {
        const marker = `marker_${Date.now()}`;
        for (let i = 0; i < 3; i++) {
          const r = (await tx.execute(sql`select ${marker}::text as m, ${i}::int as i`)) as unknown as { rows: Array<{ m: string; i: number }> };
          expect(r.rows[0]).toEqual({ m: marker, i });
        }
        await tx.execute(sql.raw(`select 'unnamed ${marker}'`));
        const r = (await tx.execute(sql`select name, statement from pg_prepared_statements where statement like ${'%::text as m, %'} or statement like ${`%unnamed ${marker}%`}`)) as unknown as {
          rows: Array<{ name: string; statement: string }>;
        };
        return r.rows;
      });
      expect(seen).toHaveLength(1);
      expect(seen[0]!.name).toMatch(/^s_/);
      expect(seen[0]!.statement).toContain('::text as m');
    });
  });
}
