// The single-request scenarios, driven by autocannon: code verification, GET /me and channel
// activation. Each request takes fresh data (a challenge not yet used, an account not yet
// active), so what is measured is the work a real request does, not a repeat.
import type { RequestDefinition } from 'autocannon';
import type { Db } from '../../src/server/db/client';
import { sign } from '../../src/server/modules/channels/signature';
import { warnings, withServers, type BenchContext } from '../lib/context';
import { CpuMeter } from '../lib/cpu';
import { insertAccounts, insertLoginChallenges, insertSessions, type BenchAccount, type OpenChallenge } from '../lib/fixtures';
import { cannon, type LoadResult } from '../lib/load';
import { markMeasured, monotonicUs } from '../lib/profile';
import { rate, statuses, type Row } from '../lib/report';

const ATM_CLIENTS = ['atm-alrajhi', 'atm-riyadbank', 'atm-samba', 'atm-alinma'] as const;

type Spec = {
  scenario: string;
  measurement: string;
  unit: string;
  /** PostgreSQL targets; PGlite is reported without one. */
  target: { rate: number; p99?: number };
  prepare: (ctx: BenchContext) => (db: Db) => Promise<Feed>;
};

/** Hands out one item per request and says how many were used and whether it ran dry. */
type Feed = { request: RequestDefinition; used(): number; size: number };

function feed<T>(items: T[], build: (item: T) => { path: string; body?: string; headers?: Record<string, string>; method?: string }): Feed {
  let next = 0;
  return {
    size: items.length,
    used: () => next,
    request: {
      setupRequest(req) {
        // Running dry restarts from the first item: the report flags it, as repeats are not the same work.
        const item = items[next++ % items.length]!;
        const built = build(item);
        return { ...req, ...built, headers: { ...req.headers, ...built.headers } };
      },
    },
  };
}

/** Enough fresh items for the warm-up and the run at a rate well above the target. */
function budget(ctx: BenchContext, perSecond: number): number {
  return Math.ceil(perSecond * (ctx.warmupS + ctx.durationS));
}

const specs: Spec[] = [
  {
    scenario: 'verify',
    measurement: 'code verification POST /sessions/{id}/verify',
    unit: 'verifications/s',
    target: { rate: 1000 },
    prepare: (ctx) => async (db) => {
      const owners = await insertAccounts(db, 500, 'active');
      const open: OpenChallenge[] = await insertLoginChallenges(db, ctx.secretKey, owners, budget(ctx, 6000));
      return feed(open, (c) => ({
        method: 'POST',
        path: `/api/v1/sessions/${c.id}/verify`,
        body: JSON.stringify({ code: c.code }),
        headers: { 'content-type': 'application/json' },
      }));
    },
  },
  {
    scenario: 'me',
    measurement: 'GET /me (bearer token)',
    unit: 'req/s',
    target: { rate: 3000, p99: 50 },
    prepare: () => async (db) => {
      const tokens = await insertSessions(db, await insertAccounts(db, 1000, 'active'));
      const f = feed(tokens, (token) => ({ method: 'GET', path: '/api/v1/me', headers: { authorization: `Bearer ${token}` } }));
      // Tokens are meant to be reused: a logged-in person reads /me again and again.
      return { ...f, size: Infinity };
    },
  },
  {
    scenario: 'activation',
    measurement: 'channel activation POST /channels/activations (ATM, signed)',
    unit: 'activations/s',
    target: { rate: 500 },
    prepare: (ctx) => async (db) => {
      const registered: BenchAccount[] = await insertAccounts(db, budget(ctx, 4000), 'registered');
      let turn = 0;
      return feed(registered, (a) => {
        const clientId = ATM_CLIENTS[turn++ % ATM_CLIENTS.length]!;
        const path = '/api/v1/channels/activations';
        const body = JSON.stringify({ idNumber: a.idNumber, evidence: { type: 'bank_card', cardholderIdNumber: a.idNumber } });
        const timestamp = String(Math.floor(Date.now() / 1000));
        return {
          method: 'POST',
          path,
          body,
          headers: {
            'content-type': 'application/json',
            'x-client-id': clientId,
            'x-timestamp': timestamp,
            'x-signature': sign(`sandbox-secret-${clientId}`, timestamp, 'POST', path, body),
          },
        };
      });
    },
  },
];

export const requestScenarios = specs.map((s) => s.scenario);

export async function runRequestScenario(ctx: BenchContext, scenario: string): Promise<Row[]> {
  const spec = specs.find((s) => s.scenario === scenario);
  if (!spec) throw new Error(`unknown scenario ${scenario}`);
  return withServers(ctx, scenario, spec.prepare(ctx), async (urls, data, servers) => {
    const run = (durationS: number) => cannon({ urls, connections: ctx.connections, durationS, request: data.request });
    ctx.log(`${ctx.engine.name}/${scenario}: warm-up ${ctx.warmupS} s`);
    const warm = await run(ctx.warmupS);
    ctx.log(`${ctx.engine.name}/${scenario}: ${ctx.durationS} s with ${ctx.connections} connections on ${urls.length} process(es)`);
    const meter = new CpuMeter(() => servers.map((s) => s.pid), ctx.engine.databaseName);
    meter.begin();
    const from = monotonicUs();
    const r = await run(ctx.durationS);
    markMeasured(`${ctx.engine.name}-${scenario}`, from, monotonicUs());
    const cpu = meter.end(r.ok);
    const ranDry = data.used() > data.size;
    ctx.detail(`${ctx.engine.name}/${scenario}`, {
      warmUp: summary(warm),
      run: summary(r),
      cpu,
      itemsPrepared: data.size,
      itemsUsed: data.used(),
      ranDry,
      serverWarnings: warnings(servers),
    });
    const bare = ctx.ceilings.bare.get(urls.length);
    const isPostgres = ctx.engine.name === 'postgres';
    const clean = r.socketErrors === 0 && r.timeouts === 0 && Object.keys(r.statuses).every((k) => k.startsWith('2')) && !ranDry;
    const met = isPostgres ? clean && r.rate >= spec.target.rate && (spec.target.p99 === undefined || r.latency.p99 <= spec.target.p99) : null;
    return [
      {
        engine: `${ctx.engine.name}${urls.length > 1 ? ` ×${urls.length}` : ''}`,
        measurement: `${spec.measurement}, ${ctx.connections} conn.${clean ? '' : ` [${statuses(r.statuses)}; socket errors ${r.socketErrors + r.timeouts}${ranDry ? '; ran out of fresh data' : ''}]`}`,
        result: `${rate(r.rate)} ${spec.unit}`,
        p50: r.latency.p50,
        p99: r.latency.p99,
        ceiling: bare ? `bare Fastify ${rate(bare.rate)} req/s` : undefined,
        ratio: bare ? r.rate / bare.rate : undefined,
        target: isPostgres ? `≥ ${spec.target.rate}/s${spec.target.p99 ? `, p99 ≤ ${spec.target.p99} ms` : ''}` : 'none (reported)',
        met,
        cpu,
      },
    ];
  });
}

function summary(r: LoadResult) {
  return {
    ratePerS: r.rate,
    ok: r.ok,
    durationS: r.durationS,
    latencyMs: r.latency,
    statuses: r.statuses,
    socketErrors: r.socketErrors,
    timeouts: r.timeouts,
    samples: r.samples,
  };
}
