// Exit and re-entry visas end to end: a sponsor submits (with an Idempotency-Key), a bank pays
// the bill (HMAC-signed), the request is issued. Measured on a fresh database per engine with
// the server in a child process, beside a bare Fastify route measured in the same run.
//
//   node --import tsx bench/visas.ts [--engine pglite|postgres|both] [--seconds 20] [--concurrency 32]
//
// Each worker takes its own sponsor and domestic worker, so the open-visa rule never stops
// it; a visa issued per chain. Reported: issued visas per second, the latency of the whole
// chain (submit + pay, issue included) at p50/p99, and any non-2xx or socket error.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { parseArgs } from 'node:util';
import { registryPersons } from '../src/server/db/schema';
import { makeIdentityNumber } from '../src/domain/identity-number';
import { sign } from '../src/server/modules/channels/signature';
import { createEngine, defaultPostgresUrl, transportOf, type EngineName } from './lib/engines';
import { insertAccounts, insertSessions } from './lib/fixtures';
import { LatencyRecorder } from './lib/histogram';
import { JsonClient } from './lib/http';
import { startAbsher, startBareFastify } from './lib/processes';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '32' },
    instances: { type: 'string', default: '1' },
    'admin-url': { type: 'string', default: process.env.DATABASE_URL ?? defaultPostgresUrl('test') },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
/** Server processes sharing the database (PostgreSQL only; PGlite admits one). */
const instances = Number(values.instances);
const TARGET = { rate: 300, p99Ms: 200 };
const BANKS = ['atm-alrajhi', 'atm-riyadbank', 'atm-samba', 'atm-alinma'];

/** Enough sponsors and workers that no chain ever reuses one (one open visa per worker). */
function householdsNeeded(): number {
  return Math.max(2000, Math.ceil(seconds * Math.min(concurrency * 150, 600)));
}

async function prepare(engineName: EngineName) {
  const engine = await createEngine(engineName, values['admin-url']!, false);
  const db = await engine.open();
  await db.migrate();
  const n = householdsNeeded();
  const sponsors = await insertAccounts(db.db, n, 'active', true);
  const tokens = await insertSessions(db.db, sponsors);
  const workers: string[] = [];
  const today = new Date();
  const inYears = (y: number) => new Date(today.getTime() + y * 365 * 86_400_000).toISOString().slice(0, 10);
  for (let start = 0; start < n; start += 1000) {
    const rows = sponsors.slice(start, start + 1000).map((s, j) => {
      const idNumber = makeIdentityNumber('resident', 95_000_000 + start + j);
      workers.push(idNumber);
      return {
        idNumber,
        kind: 'resident' as const,
        nameAr: 'ماريا سانتوس',
        nameEn: 'Maria Santos',
        gender: 'f',
        birthDate: '1990-05-01',
        nationality: 'PHL',
        mobile: `+96558${String(start + j).padStart(7, '0')}`,
        fingerprintRight: Buffer.alloc(16, 1),
        fingerprintLeft: Buffer.alloc(16, 2),
        passportNumber: `P${String(start + j).padStart(8, '0')}`,
        passportIssuedOn: '2024-01-01',
        passportExpiresOn: inYears(5),
        iqamaExpiresOn: inYears(1),
        sponsorKind: 'person' as const,
        sponsorId: s.idNumber,
        profession: 'housemaid',
        maritalStatus: 'single' as const,
      };
    });
    await db.db.insert(registryPersons).values(rows);
  }
  await db.close();
  return { engine, households: sponsors.map((s, i) => ({ token: tokens[i]!, worker: workers[i]! })) };
}

async function loop(urls: string[], households: Array<{ token: string; worker: string }>) {
  const client = new JsonClient(30_000);
  const latency = new LatencyRecorder();
  const failures = new Map<string, number>();
  let issued = 0;
  let next = 0;
  const fail = (why: string) => failures.set(why, (failures.get(why) ?? 0) + 1);
  const deadline = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < deadline && next < households.length) {
      const url = urls[next % urls.length]!;
      const h = households[next++]!;
      const started = performance.now();
      try {
        const body = { beneficiaryIdNumber: h.worker, input: { type: 'single', durationMonths: 2 } };
        const sub = await client.request(url, 'POST', '/api/v1/services/exit_reentry_visa/requests', body, {
          authorization: `Bearer ${h.token}`,
          'idempotency-key': randomUUID(),
        });
        if (sub.status !== 201) {
          fail(`submit ${sub.status}`);
          continue;
        }
        const bill = (JSON.parse(sub.body) as { bills: Array<{ billNumber: string; amountHalalas: number }> }).bills[0]!;
        const payment = { billNumber: bill.billNumber, amountHalalas: bill.amountHalalas };
        // The client sends JSON.stringify of the same object: the signed bytes are the sent bytes.
        const raw = JSON.stringify(payment);
        const ts = String(Math.floor(Date.now() / 1000));
        const client_ = BANKS[next % BANKS.length]!;
        const path = '/api/v1/channels/payments';
        const paid = await client.request(url, 'POST', path, payment, {
          'x-client-id': client_,
          'x-timestamp': ts,
          'x-signature': sign(`sandbox-secret-${client_}`, ts, 'POST', path, raw),
        });
        if (paid.status !== 200) {
          fail(`pay ${paid.status}`);
          continue;
        }
        latency.recordMs(performance.now() - started);
        issued++;
      } catch (err) {
        fail(err instanceof Error ? err.name : 'error');
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  client.close();
  return { issuedPerS: issued / elapsed, issued, latency: latency.summary(), failures: Object.fromEntries(failures) };
}

async function bareCeiling(): Promise<number> {
  const bare = await startBareFastify();
  const client = new JsonClient(10_000);
  let n = 0;
  const deadline = Date.now() + 5000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        await client.request(bare.url, 'GET', '/');
        n++;
      }
    }),
  );
  client.close();
  await bare.stop();
  return n / 5;
}

/**
 * The database's own ceiling for this load: trivial statements (`select 1`), each its own
 * round trip, at the same concurrency over a pool the size of the server's. A chain's
 * statements, times the chains per second, cannot exceed it.
 */
async function roundTripCeiling(databaseUrl: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  let n = 0;
  const deadline = Date.now() + 5000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        await pool.query('select 1');
        n++;
      }
    }),
  );
  await pool.end();
  return n / 5;
}

async function run(engineName: EngineName) {
  const { engine, households } = await prepare(engineName);
  const count = engineName === 'postgres' ? instances : 1;
  const servers = [];
  for (let i = 0; i < count; i++) {
    servers.push(await startAbsher({ dataDir: engine.dataDir, databaseUrl: engine.databaseUrl, poolSize: Math.ceil(20 / count), cpuProfDir: process.env.BENCH_CPU_PROFILE_DIR }));
  }
  try {
    const ceiling = await bareCeiling();
    const roundTrips = engine.databaseUrl ? await roundTripCeiling(engine.databaseUrl) : null;
    const result = await loop(servers.map((s) => s.url), households);
    const met = engineName === 'postgres' ? (result.issuedPerS >= TARGET.rate && result.latency.p99 <= TARGET.p99Ms ? 'met' : 'not met') : 'no target';
    console.log(
      JSON.stringify({
        engine: engineName,
        ...(engineName === 'postgres' ? { postgresVia: transportOf(values['admin-url']!) } : {}),
        concurrency,
        serverProcesses: count,
        seconds,
        issuedVisasPerS: Math.round(result.issuedPerS),
        issued: result.issued,
        p50Ms: Math.round(result.latency.p50),
        p99Ms: Math.round(result.latency.p99),
        failures: result.failures,
        bareFastifyRequestsPerS: Math.round(ceiling),
        bareDatabaseRoundTripsPerS: roundTrips === null ? null : Math.round(roundTrips),
        target: engineName === 'postgres' ? `≥ ${TARGET.rate}/s at p99 ≤ ${TARGET.p99Ms} ms` : null,
        verdict: met,
      }),
    );
  } finally {
    for (const s of servers) await s.stop();
    await engine.dispose();
  }
}

const engines: EngineName[] = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine as EngineName];
for (const e of engines) await run(e);
