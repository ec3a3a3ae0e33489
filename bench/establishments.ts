// The establishments' pages under load: the workers view of an establishment of 10,000 workers
// (p99 of a page of 100, any sort, any page) and the bulk renewal of 100 workers' iqamas end to
// end (one POST, each worker checked, its request made and billed). Measured on a fresh
// database per engine with the server in a child process, beside a bare Fastify route
// measured in the same run at the same concurrency.
//
//   node --import tsx bench/establishments.ts [--engine pglite|postgres|both] [--seconds 15] [--concurrency 8] [--bulks 5]
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { parseArgs } from 'node:util';
import { establishments, registryPersons, sandboxEstablishments } from '../src/server/db/schema';
import { makeIdentityNumber } from '../src/domain/identity-number';
import { createEngine, defaultPostgresUrl, transportOf, type EngineName } from './lib/engines';
import { insertAccounts, insertSessions } from './lib/fixtures';
import { LatencyRecorder } from './lib/histogram';
import { JsonClient } from './lib/http';
import { startAbsher, startBareFastify } from './lib/processes';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '15' },
    concurrency: { type: 'string', default: '8' },
    bulks: { type: 'string', default: '5' },
    'admin-url': { type: 'string', default: process.env.DATABASE_URL ?? defaultPostgresUrl('test') },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const bulks = Number(values.bulks);
const WORKERS = 10_000;
/** Other residents in the registry, sponsored by other establishments. */
const OTHER_PERSONS = 190_000;
const BULK = 100;
const TARGET = { pageP99Ms: 100, bulkMs: 2000 };
const ESTABLISHMENT = '7000000777';
const SORTS = ['name', 'id_number', 'iqama_expiry', 'passport_expiry'];

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function prepare(engineName: EngineName) {
  const engine = await createEngine(engineName, values['admin-url']!, false);
  const db = await engine.open();
  await db.migrate();
  const [owner] = await insertAccounts(db.db, 1, 'active', true);
  const [token] = await insertSessions(db.db, [owner!]);
  await db.db.insert(sandboxEstablishments).values({
    id: ESTABLISHMENT, crNumber: '1010000777', labourFile: '1-100777', nameAr: 'مؤسسة القياس', nameEn: 'Benchmark Est.', region: 'riyadh', city: 'Riyadh', ownerIdNumber: owner!.idNumber,
  });
  await db.db.insert(establishments).values({ id: ESTABLISHMENT, ownerAccountId: owner!.id, nameAr: 'مؤسسة القياس', nameEn: 'Benchmark Est.', region: 'riyadh', openedAt: new Date() });
  const names = ['Rajesh Kumar', 'Imran Khan', 'Rahim Uddin', 'Mahmoud Ali', 'Ramon Cruz', 'Hari Thapa'];
  const nationalities = ['IND', 'PAK', 'BGD', 'EGY', 'PHL', 'NPL'];
  // The first bulks × 100 workers are due for renewal (iqama expiring within 30 days); the rest spread over a year.
  const due: string[] = [];
  for (let start = 0; start < WORKERS; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(WORKERS, start + 1000); i++) {
      const idNumber = makeIdentityNumber('resident', 96_000_000 + i);
      if (i < bulks * BULK) due.push(idNumber);
      rows.push({
        idNumber, kind: 'resident' as const, nameAr: 'راجيش كومار', nameEn: `${names[i % names.length]} ${i}`, gender: 'm', birthDate: '1990-05-01',
        nationality: nationalities[i % nationalities.length]!, mobile: `+96557${String(i).padStart(7, '0')}`, fingerprintRight: Buffer.alloc(16, 1), fingerprintLeft: Buffer.alloc(16, 2),
        passportNumber: `K${String(i).padStart(8, '0')}`, passportIssuedOn: '2024-01-01', passportExpiresOn: day(200 + (i % 2000)),
        iqamaExpiresOn: i < bulks * BULK ? day(5 + (i % 25)) : day(-30 + (i % 395)), sponsorKind: 'establishment' as const, sponsorId: ESTABLISHMENT,
        profession: 'electrician', maritalStatus: 'single' as const,
      });
    }
    await db.db.insert(registryPersons).values(rows);
  }
  // The rest of the registry: the establishment's workers are a few among many, as in the real
  // one, so that the planner chooses as it would there (with only these 10,000 rows in the
  // table, reading all of it is the cheapest plan for any query, which it never is at scale).
  // Copies of the workers above under other sponsors, 50 to an establishment.
  await db.db.execute(sql`
    insert into registry_persons (id_number, kind, name_ar, name_en, gender, birth_date, nationality, mobile, fingerprint_right, fingerprint_left,
      passport_number, passport_issued_on, passport_expires_on, iqama_expires_on, sponsor_kind, sponsor_id, profession, marital_status)
    select lpad((2000000000 + g)::text, 10, '0'), kind, name_ar, name_en, gender, birth_date, nationality, '+9665' || lpad(g::text, 8, '0'),
      fingerprint_right, fingerprint_left, 'P' || g, passport_issued_on, passport_expires_on, iqama_expires_on, sponsor_kind,
      (7100000000 + g / 50)::text, profession, marital_status
    from (select r.*, (row_number() over ())::int as g from registry_persons r, generate_series(1, ${OTHER_PERSONS / WORKERS}) where r.sponsor_id = ${ESTABLISHMENT}) copies`);
  // What autovacuum does to a table soon after a bulk insert: statistics, and the visibility
  // map that lets a count or a page's keys be read from an index alone.
  await db.db.execute(sql`vacuum analyze registry_persons`);
  await db.close();
  return { engine, token: token!, due };
}

/** Closed loop of GET pages: any page of 100, any sort and order, a filter now and then. */
async function pages(url: string, token: string) {
  const client = new JsonClient(30_000);
  const latency = new LatencyRecorder();
  const failures = new Map<string, number>();
  let n = 0;
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, lane) => {
      let k = lane;
      while (Date.now() < deadline) {
        k += concurrency;
        const page = 1 + ((k * 37) % (WORKERS / 100));
        const filter = k % 5 === 0 ? '&expiring=60' : k % 7 === 0 ? '&nationality=IND' : '';
        const path = `/api/v1/establishments/${ESTABLISHMENT}/workers?pageSize=100&page=${filter ? 1 : page}&sort=${SORTS[k % SORTS.length]}&order=${k % 2 ? 'asc' : 'desc'}${filter}`;
        const t0 = performance.now();
        const res = await client.request(url, 'GET', path, undefined, { authorization: `Bearer ${token}` });
        if (res.status === 200) {
          latency.recordMs(performance.now() - t0);
          n++;
        } else failures.set(String(res.status), (failures.get(String(res.status)) ?? 0) + 1);
      }
    }),
  );
  client.close();
  return { pages: n, latency: latency.summary(), failures: Object.fromEntries(failures) };
}

/** Bulks of 100 workers one after the other, each a fresh set due for renewal. */
async function renewals(url: string, token: string, due: string[]) {
  const client = new JsonClient(60_000);
  const times: number[] = [];
  const outcomes = new Map<string, number>();
  for (let b = 0; b < bulks; b++) {
    const workers = due.slice(b * BULK, (b + 1) * BULK);
    const t0 = performance.now();
    const res = await client.request(url, 'POST', `/api/v1/establishments/${ESTABLISHMENT}/iqama-renewals`, { workers, quarters: 4, pickupOfficeId: 'office-riyadh' }, {
      authorization: `Bearer ${token}`,
      'idempotency-key': randomUUID(),
    });
    times.push(performance.now() - t0);
    if (res.status !== 200) {
      outcomes.set(`http ${res.status}`, (outcomes.get(`http ${res.status}`) ?? 0) + 1);
      continue;
    }
    for (const r of (JSON.parse(res.body) as { results: Array<{ outcome: string }> }).results) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
  }
  client.close();
  const sorted = [...times].sort((a, b) => a - b);
  return { bulks: times.length, medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]!), maxMs: Math.round(sorted.at(-1)!), outcomes: Object.fromEntries(outcomes) };
}

/** The bare Fastify route's latency at the same concurrency: the floor under any page. */
async function bareCeiling() {
  const bare = await startBareFastify();
  const client = new JsonClient(10_000);
  const latency = new LatencyRecorder();
  let n = 0;
  const deadline = Date.now() + 5000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const t0 = performance.now();
        await client.request(bare.url, 'GET', '/');
        latency.recordMs(performance.now() - t0);
        n++;
      }
    }),
  );
  client.close();
  await bare.stop();
  return { requestsPerS: Math.round(n / 5), latency: latency.summary() };
}

async function run(engineName: EngineName) {
  const { engine, token, due } = await prepare(engineName);
  const server = await startAbsher({ dataDir: engine.dataDir, databaseUrl: engine.databaseUrl, poolSize: 20, cpuProfDir: process.env.BENCH_CPU_PROFILE_DIR });
  try {
    const ceiling = await bareCeiling();
    // A warm-up page, so that the first measured one does not pay for the plans and the JIT.
    await pages(server.url, token).catch(() => undefined);
    const view = await pages(server.url, token);
    const bulk = await renewals(server.url, token, due);
    console.log(
      JSON.stringify({
        engine: engineName,
        ...(engineName === 'postgres' ? { postgresVia: transportOf(values['admin-url']!) } : {}),
        workers: WORKERS,
        concurrency,
        seconds,
        pagesPerS: Math.round(view.pages / seconds),
        pageP50Ms: Math.round(view.latency.p50 * 10) / 10,
        pageP99Ms: Math.round(view.latency.p99 * 10) / 10,
        pageFailures: view.failures,
        bareP99Ms: Math.round(ceiling.latency.p99 * 10) / 10,
        bareRequestsPerS: ceiling.requestsPerS,
        bulkOf100: bulk,
        targets: `page p99 ≤ ${TARGET.pageP99Ms} ms; bulk of ${BULK} ≤ ${TARGET.bulkMs} ms`,
        verdict: {
          page: view.latency.p99 <= TARGET.pageP99Ms ? 'met' : 'not met',
          bulk: bulk.maxMs <= TARGET.bulkMs ? 'met' : 'not met',
        },
      }),
    );
  } finally {
    await server.stop();
    await engine.dispose();
  }
}

const engines: EngineName[] = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine as EngineName];
for (const e of engines) await run(e);
