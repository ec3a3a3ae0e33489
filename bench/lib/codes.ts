// Where the benchmark reads the one-time codes the server sent. On PostgreSQL straight from
// the sandbox handsets table, which leaves the server doing only what it would do for a real
// person reading an SMS; on PGlite the server holds the only connection, so through the
// sandbox API.
import pg from 'pg';
import type { JsonClient } from './http';
import type { CodeSource } from './login';

const CODE = /\b(\d{6})\b/;

export function databaseCodes(databaseUrl: string): CodeSource & { close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  return {
    describe: 'read from sandbox_sms_messages in PostgreSQL',
    async read(mobile) {
      const r = await pool.query<{ body: string }>('select body from sandbox_sms_messages where "to" = $1 order by seq desc limit 1', [mobile]);
      return r.rows[0]?.body.match(CODE)?.[1] ?? null;
    },
    close: () => pool.end(),
  };
}

export function sandboxApiCodes(client: JsonClient, urls: string[]): CodeSource {
  let turn = 0;
  return {
    describe: 'read through GET /api/v1/sandbox/sms',
    async read(mobile) {
      const base = urls[turn++ % urls.length]!;
      const res = await client.request(base, 'GET', `/api/v1/sandbox/sms?to=${encodeURIComponent(mobile)}`);
      if (res.status !== 200) return null;
      const { messages } = JSON.parse(res.body) as { messages: Array<{ body: string }> };
      return messages[0]?.body.match(CODE)?.[1] ?? null;
    },
  };
}

/** Whether this server has the sandbox SMS endpoint yet. */
export async function hasSandboxSms(client: JsonClient, url: string): Promise<boolean> {
  const res = await client.request(url, 'GET', '/api/v1/sandbox/sms?to=0500000000');
  return res.status === 200;
}
