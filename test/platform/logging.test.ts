// No identity number, mobile, code, password or token reaches a log line.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { createLogger } from '../../src/server/logger';
import { createDeps } from '../../src/server/bootstrap';
import { buildApp, type App } from '../../src/server/app';
import type { Deps } from '../../src/server/deps';
import { FakeClock } from '../../src/server/platform/clock';
import { openTestDatabase } from '../helpers/database';
import { buildAccount } from '../helpers/factories';

const lines: string[] = [];
let app: App;
let deps: Deps;
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      cb();
    },
  });
  const logger = createLogger('trace', sink);
  deps = await createDeps(loadConfig({ LOG_LEVEL: 'trace', WEB_DIST: '/nonexistent' }), logger, {
    database: await openTestDatabase(),
    clock: new FakeClock(new Date()),
  });
  app = await buildApp(deps);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await deps.database.close();
});

describe('logs', () => {
  it('are JSON with a request id, and carry no personal data, code, password or token', async () => {
    const { account, person, password } = await buildAccount(deps.database.db);
    const start = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { login: person.idNumber, password } });
    const { challengeId } = start.json();
    const smsRows = await deps.database.db.query.sandboxSmsMessages.findMany();
    const code = smsRows.map((m) => m.body.match(/\d{6}/)?.[0]).find(Boolean)!;
    const verify = await app.inject({ method: 'POST', url: `/api/v1/sessions/${challengeId}/verify`, payload: { code } });
    const token = verify.json().token as string;
    await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    await app.inject({ url: `/api/v1/sandbox/sms?to=${person.mobile.replace('+966', '0')}` });
    await app.inject({ method: 'POST', url: '/api/v1/registrations', payload: { idNumber: person.idNumber, mobile: person.mobile, password } });

    expect(lines.length).toBeGreaterThan(5);
    const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.req || l.res);
    expect(requestLines.length).toBeGreaterThan(0);
    for (const l of requestLines) expect(typeof l.reqId).toBe('string');
    const all = lines.join('\n');
    for (const secret of [person.idNumber, person.mobile, person.mobile.slice(4), code, password, token, account.passwordHash]) {
      expect(all).not.toContain(secret);
    }
  });
});
