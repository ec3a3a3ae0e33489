// The real HTTP clients of the agencies (population registry, traffic, travel bans, labour,
// health) and of the SMS provider, against a local stand-in server: what they send, what they
// accept, and that a fault becomes a 503 (AgencyUnavailableError). A sandbox
// server with a provider configured sends its codes there instead of to the sandbox inbox.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpPopulationRegistry } from '../../src/server/adapters/population-registry/http';
import { AgencyUnavailableError } from '../../src/server/adapters/population-registry/port';
import { HttpSmsGateway } from '../../src/server/adapters/sms/http';
import { HttpTrafficAgency } from '../../src/server/adapters/traffic/http';
import { HttpTravelBans } from '../../src/server/adapters/travel-bans/http';
import { HttpLabourMinistry } from '../../src/server/adapters/labour/http';
import { HttpHealthMinistry } from '../../src/server/adapters/health/http';
import { eq } from 'drizzle-orm';
import { sandboxSmsMessages, smsOutbox } from '../../src/server/db/schema';
import { SmsOutbox } from '../../src/server/modules/sms/outbox';
import { createTestApp } from '../helpers/app';
import { buildAccount } from '../helpers/factories';

type Seen = { method: string; url: string; auth: string | undefined; body: string };
const seen: Seen[] = [];
let reply: (req: Seen, res: http.ServerResponse) => void = (_r, res) => res.end();
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const s = { method: req.method!, url: req.url!, auth: req.headers.authorization, body };
      seen.push(s);
      reply(s, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const person = {
  idNumber: '1000000008',
  kind: 'citizen',
  name: { ar: 'سالم', en: 'Salem' },
  gender: 'm',
  birthDate: '1990-01-31',
  nationality: 'SAU',
  mobile: '+966501234567',
  passport: null,
  iqama: null,
  sponsor: null,
  profession: null,
  maritalStatus: 'single',
};

describe('the population registry client', () => {
  const registry = () => new HttpPopulationRegistry({ url: `${base}/nic/`, token: 'registry-token', timeoutMs: 300 });

  it('finds a person with its bearer token', async () => {
    reply = (_r, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(person));
    expect(await registry().findPerson('1000000008')).toEqual(person);
    expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/nic/persons/1000000008', auth: 'Bearer registry-token' });
  });

  it('answers null for an unknown person', async () => {
    reply = (_r, res) => res.writeHead(404).end();
    expect(await registry().findPerson('1000000008')).toBeNull();
  });

  it('matches fingerprints by POST', async () => {
    reply = (_r, res) => res.end(JSON.stringify({ match: true }));
    expect(await registry().matchFingerprints('1000000008', { rightIndex: 'r', leftIndex: 'l' })).toBe(true);
    expect(JSON.parse(seen.at(-1)!.body)).toEqual({ rightIndex: 'r', leftIndex: 'l' });
    reply = (_r, res) => res.end(JSON.stringify({ match: 'yes' }));
    expect(await registry().matchFingerprints('1000000008', { rightIndex: 'r', leftIndex: 'l' })).toBe(false);
  });

  it('reads the nationalities among an establishment’s workers, and refuses a malformed answer', async () => {
    reply = (_r, res) => res.end(JSON.stringify([{ code: 'IND', count: 3 }]));
    expect(await registry().establishmentNationalities('7000100000')).toEqual([{ code: 'IND', count: 3 }]);
    expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/nic/establishments/7000100000/workers/nationalities' });
    reply = (_r, res) => res.end(JSON.stringify([{ code: 'India', count: 3 }]));
    await expect(registry().establishmentNationalities('7000100000')).rejects.toBeInstanceOf(AgencyUnavailableError);
  });

  it.each([
    ['a 5xx', (_r: Seen, res: http.ServerResponse) => res.writeHead(502).end()],
    ['a malformed answer', (_r: Seen, res: http.ServerResponse) => res.end('{"idNumber": 12}')],
    ['a timeout', () => undefined],
  ])('turns %s into AgencyUnavailableError', async (_n, handler) => {
    reply = handler;
    await expect(registry().findPerson('1000000008')).rejects.toBeInstanceOf(AgencyUnavailableError);
  });

  it('records a profession by PUT, and refuses a status other than 2xx', async () => {
    reply = (_r, res) => res.writeHead(204).end();
    await expect(registry().recordProfession('2000000008', 'driver')).resolves.toBeUndefined();
    expect(seen.at(-1)).toMatchObject({ method: 'PUT', url: '/nic/persons/2000000008/profession', body: '{"profession":"driver"}' });
    reply = (_r, res) => res.writeHead(409).end();
    await expect(registry().recordProfession('2000000008', 'driver')).rejects.toThrow('population_registry unavailable (status 409)');
  });

  it('turns an unreachable registry into AgencyUnavailableError', async () => {
    const down = new HttpPopulationRegistry({ url: 'http://127.0.0.1:9', token: 't', timeoutMs: 300 });
    await expect(down.findPerson('1000000008')).rejects.toBeInstanceOf(AgencyUnavailableError);
  });
});

describe('the traffic, travel bans, labour and health clients', () => {
  const opts = (prefix: string) => ({ url: `${base}/${prefix}`, token: `${prefix}-token`, timeoutMs: 300 });
  const json = (body: unknown, status = 200) => (_r: Seen, res: http.ServerResponse) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  it('reads unpaid fines, none for a person the traffic department does not know', async () => {
    const traffic = new HttpTrafficAgency(opts('traffic'));
    reply = json({ totalHalalas: 30_000 });
    expect(await traffic.unpaidFinesHalalas('1000000008')).toBe(30_000);
    expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/traffic/persons/1000000008/unpaid-fines', auth: 'Bearer traffic-token' });
    reply = json({ message: 'unknown' }, 404);
    expect(await traffic.unpaidFinesHalalas('1000000008')).toBe(0);
    reply = json({ totalHalalas: 'a lot' });
    await expect(traffic.unpaidFinesHalalas('1000000008')).rejects.toBeInstanceOf(AgencyUnavailableError);
    reply = () => undefined;
    await expect(traffic.unpaidFinesHalalas('1000000008')).rejects.toBeInstanceOf(AgencyUnavailableError);
  });

  it('reads a travel ban, and refuses an answer that is not one', async () => {
    const bans = new HttpTravelBans(opts('bans'));
    reply = json({ banned: true });
    expect(await bans.isBanned('2000000008')).toBe(true);
    expect(seen.at(-1)).toMatchObject({ url: '/bans/persons/2000000008/travel-ban', auth: 'Bearer bans-token' });
    reply = json({ banned: 'no' });
    await expect(bans.isBanned('2000000008')).rejects.toBeInstanceOf(AgencyUnavailableError);
    reply = json({}, 429);
    await expect(bans.isBanned('2000000008')).rejects.toBeInstanceOf(AgencyUnavailableError);
  });

  it('asks the labour ministry for an approval by PUT, and reads an unknown establishment as none', async () => {
    const labour = new HttpLabourMinistry(opts('labour'));
    reply = json({ approved: false, reason: 'permit expired' });
    const request = { reference: 'r-1', kind: 'profession_change' as const, idNumber: '2000000008', establishmentId: '7000100000', details: { to: 'driver' } };
    expect(await labour.requestApproval(request)).toEqual({ approved: false, reason: 'permit expired' });
    expect(seen.at(-1)).toMatchObject({ method: 'PUT', url: '/labour/approvals/r-1', auth: 'Bearer labour-token' });
    expect(JSON.parse(seen.at(-1)!.body)).toEqual(request);
    reply = json({ message: 'unknown' }, 404);
    expect(await labour.findEstablishment('7000100000')).toBeNull();
    reply = json({}, 401);
    await expect(labour.professions()).rejects.toBeInstanceOf(AgencyUnavailableError);
  });

  it('takes no answer from a status it does not expect, even one that reads well, and says which', async () => {
    reply = json({ approved: true, reason: null }, 400);
    const request = { reference: 'r-2', kind: 'profession_change' as const, idNumber: '2000000008', establishmentId: '7000100000', details: {} };
    await expect(new HttpLabourMinistry(opts('labour')).requestApproval(request)).rejects.toThrow('labour_ministry unavailable (status 400)');
    reply = json({ banned: false }, 409);
    await expect(new HttpTravelBans(opts('bans')).isBanned('2000000008')).rejects.toThrow('travel_bans unavailable (status 409)');
    reply = json({ banned: 'no' });
    await expect(new HttpTravelBans(opts('bans')).isBanned('2000000008')).rejects.toThrow('travel_bans unavailable (malformed answer)');
  });

  it('reads a medical record, empty for a person the health ministry has none of', async () => {
    const health = new HttpHealthMinistry(opts('health'));
    reply = json({ exam: { result: 'fit', examinedOn: '2026-11-01' }, insuredUntil: '2027-11-01' });
    expect(await health.medicalRecord('2000000008')).toEqual({ exam: { result: 'fit', examinedOn: '2026-11-01' }, insuredUntil: '2027-11-01' });
    expect(seen.at(-1)).toMatchObject({ url: '/health/persons/2000000008/medical', auth: 'Bearer health-token' });
    reply = json({}, 404);
    expect(await health.medicalRecord('2000000008')).toEqual({ exam: null, insuredUntil: null });
    reply = (_r, res) => res.writeHead(502).end();
    await expect(health.medicalRecord('2000000008')).rejects.toBeInstanceOf(AgencyUnavailableError);
  });

  it('keeps its connection to the agency between calls', async () => {
    reply = json({ banned: false });
    const bans = new HttpTravelBans(opts('bans'));
    const sockets = new Set<unknown>();
    const count = (req: http.IncomingMessage) => sockets.add(req.socket);
    server.on('request', count);
    try {
      for (let i = 0; i < 10; i++) expect(await bans.isBanned('2000000008')).toBe(false);
    } finally {
      server.off('request', count);
    }
    expect(sockets.size).toBeLessThanOrEqual(2);
  });
});

describe('the SMS provider client', () => {
  const gateway = () => new HttpSmsGateway({ url: `${base}/sms`, token: 'sms-token', sender: 'Absher', timeoutMs: 300 });

  it('posts the message with its outbox id as the reference', async () => {
    reply = (_r, res) => res.end(JSON.stringify({ id: 'provider-1' }));
    const result = await gateway().send({ id: 'b2f6', to: '+966501234567', body: 'مرحبا' });
    expect(result).toEqual({ providerMessageId: 'provider-1' });
    expect(seen.at(-1)!.auth).toBe('Bearer sms-token');
    expect(JSON.parse(seen.at(-1)!.body)).toEqual({ to: '+966501234567', from: 'Absher', text: 'مرحبا', reference: 'b2f6' });
  });

  it('throws when the provider refuses, so the outbox retries', async () => {
    reply = (_r, res) => res.writeHead(503).end();
    await expect(gateway().send({ id: 'x', to: '+966501234567', body: 'b' })).rejects.toThrow('sms_provider unavailable (status 503)');
    reply = (_r, res) => res.writeHead(400).end();
    await expect(gateway().send({ id: 'x', to: '+966501234567', body: 'b' })).rejects.toThrow('SMS provider answered 400');
  });

  it('keeps the query of its URL (a key some providers want)', async () => {
    reply = (_r, res) => res.end(JSON.stringify({ id: 'q' }));
    const keyed = new HttpSmsGateway({ url: `${base}/sms?account=absher`, token: 't', sender: 'Absher', timeoutMs: 300 });
    await keyed.send({ id: 'q1', to: '+966501234567', body: 'b' });
    expect(seen.at(-1)!.url).toBe('/sms?account=absher');
    await keyed.close();
  });

  it('throws when the provider does not answer in time, or cannot be reached, and says which', async () => {
    reply = () => undefined;
    await expect(gateway().send({ id: 'y', to: '+966501234567', body: 'b' })).rejects.toThrow('sms_provider unavailable (no answer in 300 ms)');
    const down = new HttpSmsGateway({ url: 'http://127.0.0.1:9/sms', token: 't', sender: 'Absher', timeoutMs: 300 });
    await expect(down.send({ id: 'z', to: '+966501234567', body: 'b' })).rejects.toThrow('sms_provider unavailable (ECONNREFUSED)');
  });

  it("leaves the provider's reason, and nothing it sent, as the message's last error", async () => {
    const app = await createTestApp();
    const provider = new HttpSmsGateway({ url: `${base}/sms`, token: 'sms-token', sender: 'Absher', timeoutMs: 300 });
    try {
      const outbox = new SmsOutbox(app.deps.database.db, provider, app.clock, app.deps.logger);
      const id = await app.deps.database.db.transaction((tx) => outbox.enqueue(tx, { to: '+966501234567', body: 'رسالة', kind: 'notice' }));
      reply = (_r, res) => res.writeHead(502, { 'content-type': 'text/plain' }).end('upstream said: +966501234567 رسالة');
      await outbox.deliver([id]);
      const [row] = await app.deps.database.db.select().from(smsOutbox).where(eq(smsOutbox.id, id));
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'sms_provider unavailable (status 502)' });
    } finally {
      await provider.close();
      await app.close();
    }
  });

  it('keeps its connection to the provider between messages', async () => {
    reply = (_r, res) => res.end(JSON.stringify({ id: 'p' }));
    const g = gateway();
    const sockets = new Set<unknown>();
    const count = (req: http.IncomingMessage) => sockets.add(req.socket);
    server.on('request', count);
    try {
      for (let i = 0; i < 10; i++) await g.send({ id: `k${i}`, to: '+966501234567', body: 'b' });
    } finally {
      server.off('request', count);
      await g.close();
    }
    // undici may open a second connection while the first is being released; never one a message.
    expect(sockets.size).toBeLessThanOrEqual(2);
  });
});

describe('a sandbox server with an SMS provider configured', () => {
  it('sends the login code to the provider, not to the sandbox inbox', async () => {
    reply = (r, res) => res.end(JSON.stringify({ id: `provider-${JSON.parse(r.body).reference}` }));
    const t = await createTestApp({ env: { SMS_PROVIDER_URL: `${base}/provider/sms`, SMS_PROVIDER_TOKEN: 'provider-token' } });
    try {
      const { account, password } = await buildAccount(t.deps.database.db);
      const start = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { login: account.idNumber, password } });
      expect(start.statusCode, start.body).toBe(202);
      const sent = seen.filter((s) => s.url === '/provider/sms');
      expect(sent).toHaveLength(1);
      expect(sent[0]!.auth).toBe('Bearer provider-token');
      const text = JSON.parse(sent[0]!.body) as { to: string; text: string };
      expect(text.to).toBe(account.mobile);
      const code = text.text.match(/\b(\d{6})\b/)![1]!;
      expect(await t.deps.database.db.select().from(sandboxSmsMessages)).toHaveLength(0);
      const done = await t.app.inject({ method: 'POST', url: `/api/v1/sessions/${start.json().challengeId}/verify`, payload: { code } });
      expect(done.statusCode, done.body).toBe(201);
    } finally {
      await t.close();
    }
  });
});
