// The login journey as a person makes it: the password, then the code from the SMS, then the
// code back to the server. autocannon cannot wait for an SMS between two requests, so this
// loop drives it, either closed (N users, each starting again when done) or open (logins
// started at a fixed rate whatever the server's pace, latency counted from the moment each
// was due, so a server that falls behind shows it in the percentiles).
import type { BenchAccount } from './fixtures';
import { BENCH_PASSWORD } from './fixtures';
import { LatencyRecorder, type LatencySummary } from './histogram';
import { SocketError, type JsonClient } from './http';
import { sleep } from './processes';
import type { CodeWait } from './sms-provider';

export type CodeSource = {
  /** How the codes reach the load generator, for the report. */
  describe: string;
  /** The next code sent to the mobile: asked for before the request that sends it. */
  expect(mobile: string): CodeWait;
};

export type LoginRun = {
  mode: 'closed' | 'open';
  durationS: number;
  /** Open loop: logins started per second. */
  offeredRate?: number;
  /** Closed loop: simultaneous users. */
  concurrency?: number;
  /** Completed logins (a session token received) per second. */
  rate: number;
  ok: number;
  attempted: number;
  latency: LatencySummary;
  stages: { password: LatencySummary; code: LatencySummary; verify: LatencySummary };
  /** "ok", or where a login stopped and why: "password 429", "verify socket", ... */
  outcomes: Record<string, number>;
  samples: string[];
  /** Logins still unanswered when the drain deadline passed. */
  unfinished: number;
  lateCodes: number;
};

type Ctx = {
  client: JsonClient;
  urls: string[];
  codes: CodeSource;
  accounts: () => BenchAccount;
};

class Tally {
  readonly total = new LatencyRecorder();
  readonly password = new LatencyRecorder();
  readonly code = new LatencyRecorder();
  readonly verify = new LatencyRecorder();
  readonly outcomes: Record<string, number> = {};
  readonly samples: string[] = [];
  ok = 0;
  attempted = 0;
  firstDone = 0;
  lastDone = 0;
  /** Codes not yet in the handset when the 202 arrived. */
  lateCodes = 0;

  count(outcome: string, sample?: string): void {
    this.outcomes[outcome] = (this.outcomes[outcome] ?? 0) + 1;
    if (sample && this.samples.length < 6) this.samples.push(`${outcome}: ${sample.slice(0, 240)}`);
  }
}

/** How long a code may take to arrive before the login counts as failed. */
const CODE_WAIT_MS = 10_000;

let urlTurn = 0;

/** One login; `dueAt` is when it should have started (open loop) or did start (closed loop). */
async function loginOnce(ctx: Ctx, tally: Tally, dueAt: number): Promise<void> {
  const base = ctx.urls[urlTurn++ % ctx.urls.length]!;
  const account = ctx.accounts();
  tally.attempted++;
  let stage = 'password';
  const sms = ctx.codes.expect(account.mobile);
  try {
    const t0 = performance.now();
    const start = await ctx.client.request(base, 'POST', '/api/v1/sessions', { login: account.idNumber, password: BENCH_PASSWORD });
    const t1 = performance.now();
    tally.password.recordMs(t1 - t0);
    if (start.status !== 202) {
      sms.cancel();
      return tally.count(`password ${start.status}`, start.body);
    }
    const { challengeId } = JSON.parse(start.body) as { challengeId: string };

    stage = 'code';
    // The server sends the code before it answers, unless the outbox poller had claimed the
    // message first; then it comes a moment later, and a person would wait for it too.
    if (!sms.arrived()) tally.lateCodes++;
    const code = await sms.code(CODE_WAIT_MS);
    const t2 = performance.now();
    tally.code.recordMs(t2 - t1);
    if (!code) return tally.count('code missing');

    stage = 'verify';
    const done = await ctx.client.request(base, 'POST', `/api/v1/sessions/${challengeId}/verify`, { code });
    const t3 = performance.now();
    tally.verify.recordMs(t3 - t2);
    if (done.status !== 201) return tally.count(`verify ${done.status}`, done.body);
    tally.total.recordMs(t3 - dueAt);
    if (tally.ok === 0) tally.firstDone = t3;
    tally.lastDone = t3;
    tally.ok++;
    tally.count('ok');
  } catch (err) {
    sms.cancel();
    if (err instanceof SocketError) tally.count(`${stage} ${err.kind}`, err.message);
    else tally.count(`${stage} error`, err instanceof Error ? err.message : String(err));
  }
}

function result(
  tally: Tally,
  base: Omit<LoginRun, 'rate' | 'ok' | 'attempted' | 'latency' | 'stages' | 'outcomes' | 'samples' | 'lateCodes'>,
  rate: number,
): LoginRun {
  return {
    ...base,
    rate,
    lateCodes: tally.lateCodes,
    ok: tally.ok,
    attempted: tally.attempted,
    latency: tally.total.summary(),
    stages: { password: tally.password.summary(), code: tally.code.summary(), verify: tally.verify.summary() },
    // Copies: a straggler answering after the report must not change it.
    outcomes: { ...tally.outcomes },
    samples: [...tally.samples],
  };
}

export async function closedLoopLogins(ctx: Ctx, concurrency: number, durationS: number): Promise<LoginRun> {
  const tally = new Tally();
  const started = performance.now();
  const end = started + durationS * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) await loginOnce(ctx, tally, performance.now());
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  return result(tally, { mode: 'closed', durationS: elapsedS, concurrency, unfinished: 0 }, tally.ok / elapsedS);
}

/**
 * Starts `rate` logins a second for `durationS`, then waits for the stragglers. The rate is
 * how fast logins were completed, between the first completion and the last: a server that
 * keeps up completes them as fast as they come, one that falls behind spreads them over a
 * longer time and shows less.
 */
export async function openLoopLogins(ctx: Ctx, rate: number, durationS: number, drainS: number): Promise<LoginRun> {
  const tally = new Tally();
  const interval = 1000 / rate;
  const total = Math.round(rate * durationS);
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const dueAt = started + i * interval;
    const wait = dueAt - performance.now();
    if (wait > 1) await sleep(wait);
    const p = loginOnce(ctx, tally, dueAt).finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  const drained = await Promise.race([Promise.all(inFlight).then(() => true), sleep(drainS * 1000).then(() => false)]);
  const unfinished = drained ? 0 : inFlight.size;
  const spanS = (tally.lastDone - tally.firstDone) / 1000;
  const completed = tally.ok > 1 && spanS > 0 ? (tally.ok - 1) / spanS : 0;
  return result(tally, { mode: 'open', durationS: (performance.now() - started) / 1000, offeredRate: rate, unfinished }, completed);
}
