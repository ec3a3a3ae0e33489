// The command line: migrations apply once and again harmlessly, several instances at once on
// PostgreSQL; bad configuration stops the process with the reasons.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('bin/absher.js');

function absher(args: string[], env: Record<string, string>) {
  return run(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH!, ...env }, timeout: 60_000 });
}

describe('absher migrate', () => {
  it('creates the schema in DATA_DIR and is harmless when run again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'absher-cli-'));
    try {
      await absher(['migrate'], { DATA_DIR: dir, LOG_LEVEL: 'silent' });
      await absher(['migrate'], { DATA_DIR: dir, LOG_LEVEL: 'silent' });
      expect(fs.existsSync(path.join(dir, 'pglite'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

});

// Several instances sharing one database exist only on PostgreSQL: this runs in the PostgreSQL pass.
if (process.env.DATABASE_URL) {
  describe('absher migrate on PostgreSQL', () => {
    it('lets several instances migrate one database at once', async () => {
      const url = new URL(process.env.DATABASE_URL!);
      const name = `absher_cli_${process.pid}`;
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
      try {
        const target = new URL(url);
        target.pathname = `/${name}`;
        await Promise.all([1, 2, 3].map(() => absher(['migrate'], { DATABASE_URL: target.toString(), LOG_LEVEL: 'silent' })));
        const check = new pg.Client({ connectionString: target.toString() });
        await check.connect();
        const { rows } = await check.query('select count(*)::int as n from drizzle.__drizzle_migrations');
        await check.end();
        expect(rows[0].n).toBe(fs.readdirSync('drizzle').filter((f) => f.endsWith('.sql')).length);
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    });
  });
}

describe('absher with bad configuration', () => {
  it('refuses to start in production without secrets, naming each problem', async () => {
    const err = await absher(['migrate'], { ABSHER_MODE: 'production' }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).toContain('SECRET_KEY is required in production');
  });

  it('prints its usage for an unknown command', async () => {
    const err = await absher(['frobnicate'], {}).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).toContain('usage: absher');
  });
});
