// Logins end to end: the password, the code as the SMS provider receives it, the code. After a
// warm-up: a closed loop for the capacity, an open loop at the target rate (0.7 × the argon2
// ceiling) for the latency a person sees, and an open loop at twice the larger of the two to
// show that overload is refused (429) rather than failed (5xx, resets). The first two are each
// framed by argon2 ceilings measured right before and right after, and measured again when the
// host's speed moved between the two (see `framed`).
//
// The warm-up is long (a minute by default): a login runs a few thousand lines of JavaScript
// in the server and in the load generator, and V8 compiles them to optimized code only after
// thousands of logins. Measured cold, a login cost the server's event loop about 5 ms and V8's
// compiler threads 2 ms more; after a minute, 2.6–3.0 ms and about 0.1 (bench/README.md). A
// server in production answers logins for days; the figure that matters is the warm one.
import { warnings, withServers, type BenchContext } from '../lib/context';
import { awaitQuiet, CpuMeter, type CpuSplit } from '../lib/cpu';
import { insertAccounts, type BenchAccount } from '../lib/fixtures';
import { JsonClient } from '../lib/http';
import { markMeasured, monotonicUs } from '../lib/profile';
import { closedLoopLogins, openLoopLogins, type LoginRun } from '../lib/login';
import { rate, statuses, type Row } from '../lib/report';
import { StandInSmsProvider } from '../lib/sms-provider';
import { measureArgon2 } from './ceilings';
import { ATTEMPTS, drift, framed, STEADY_CEILINGS, type Framed } from '../lib/framing';

export const LOGIN_TARGET_SHARE = 0.7;
export const LOGIN_P99_MS = 500;
const LOGIN_TIMEOUT_MS = 60_000;
/** Waiting a little longer than the client's timeout lets every login end, one way or another. */
const DRAIN_S = LOGIN_TIMEOUT_MS / 1000 + 5;

type ArgonCeiling = Awaited<ReturnType<typeof measureArgon2>>;
type MeteredRun = LoginRun & { cpu: CpuSplit | undefined };
type FramedRun = Framed<ArgonCeiling, MeteredRun>;

export async function runLoginScenario(ctx: BenchContext): Promise<Row[]> {
  // Every login takes an account of its own while the supply lasts: the warm-up, the closed
  // loop's and the open loop's attempts (up to 0.74× the ceiling), the overload at up to 2×.
  const needed = Math.ceil(ctx.ceilings.argon2.rate * (ctx.loginWarmupS + ctx.durationS * (2 * ATTEMPTS + 2.2)) * 1.5);
  const engine = ctx.engine.name;
  const isPostgres = engine === 'postgres';

  // The servers send their codes through their HTTP provider client to this stand-in, the
  // path a code takes in production, instead of into the sandbox inbox.
  const provider = new StandInSmsProvider();
  await provider.start();
  try {
    return await withServers(
      ctx,
      'login',
      (db) => insertAccounts(db, needed, 'active'),
      async (urls, accounts, servers) => {
        // A login unanswered after a minute has failed the person waiting for it; the overload
        // run's bounded queues should answer far sooner, with a 429 if need be.
        const client = new JsonClient(LOGIN_TIMEOUT_MS);
        try {
          let turn = 0;
          const next = (): BenchAccount => accounts[turn++ % accounts.length]!;
          const loop = { client, urls, codes: provider, accounts: next };
          const meter = new CpuMeter(() => servers.map((s) => s.pid), ctx.engine.databaseName);

          ctx.log(`${engine}/login: warm-up ${ctx.loginWarmupS} s`);
          meter.begin();
          const warmRun = await closedLoopLogins(loop, ctx.loginConcurrency, ctx.loginWarmupS);
          const warm = { ...warmRun, cpu: meter.end(warmRun.ok) };

          // The target is a share of the argon2 ceiling, and this machine's speed drifts over
          // minutes: each measured loop has the ceiling measured right before it and right
          // after, on a machine left to go quiet first, and is judged against the higher.
          const argonS = Math.max(3, Math.ceil(ctx.durationS / 2));
          const ceiling = async () => {
            await awaitQuiet(ctx.quietWaitS, ctx.log);
            ctx.log(`${engine}/login: argon2 ceiling, ${argonS} s`);
            return measureArgon2(argonS);
          };
          const metered = async (run: () => Promise<LoginRun>): Promise<MeteredRun> => {
            meter.begin();
            const from = monotonicUs();
            const r = await run();
            markMeasured(`${engine}-login`, from, monotonicUs());
            return { ...r, cpu: meter.end(r.ok) };
          };

          const closedAttempts = await framed(await ceiling(), ceiling, () => {
            ctx.log(`${engine}/login: closed loop, ${ctx.loginConcurrency} users, ${ctx.durationS} s`);
            return metered(() => closedLoopLogins(loop, ctx.loginConcurrency, ctx.durationS));
          });
          const closed = closedAttempts.at(-1)!;
          // Offered above 0.7× the ceiling before, by the drift a steady pair may have: a ceiling
          // after that rose within it still leaves the offered rate at 0.7× of it or more.
          const offeredFor = (before: ArgonCeiling) => LOGIN_TARGET_SHARE * STEADY_CEILINGS * before.rate;
          const openAttempts = await framed(closed.after, ceiling, (before) => {
            const offered = offeredFor(before);
            ctx.log(`${engine}/login: open loop at ${offered.toFixed(1)}/s, ${ctx.durationS} s`);
            return metered(() => openLoopLogins(loop, offered, ctx.durationS, DRAIN_S));
          });
          const atTarget = openAttempts.at(-1)!;
          const targetRate = atTarget.run.offeredRate!;
          const overloadRate = 2 * Math.max(targetRate, closed.run.rate);
          ctx.log(`${engine}/login: open loop at ${overloadRate.toFixed(1)}/s (overload), ${ctx.durationS} s`);
          const overload = await metered(() => openLoopLogins(loop, overloadRate, ctx.durationS, DRAIN_S));

          const highest = (f: FramedRun) => Math.max(f.before.rate, f.after.rate);
          const summary = (f: FramedRun) => ({ argon2Before: f.before, argon2After: f.after, steady: f.steady, ...f.run });
          ctx.detail(`${engine}/login`, {
            codes: provider.describe,
            textsWithoutALogin: provider.unexpected,
            accountsPrepared: accounts.length,
            loginsAttempted:
              warm.attempted + [...closedAttempts, ...openAttempts].reduce((n, f) => n + f.run.attempted, 0) + overload.attempted,
            warmUp: warm,
            closedAttempts: closedAttempts.map(summary),
            atTargetAttempts: openAttempts.map(summary),
            overload,
            serverWarnings: warnings(servers),
          });

          const procs = urls.length > 1 ? ` ×${urls.length}` : '';
          const ceilingText = (f: FramedRun) =>
            `argon2 ${rate(f.before.rate)}/s before, ${rate(f.after.rate)}/s after (${f.before.concurrency} threads)`;
          // Which attempt a row shows, and why the earlier ones do not stand.
          const attemptText = (attempts: FramedRun[]) => {
            const last = attempts.at(-1)!;
            const moved = (f: FramedRun) => `${Math.round((drift(f.before.rate, f.after.rate) - 1) * 100)} %`;
            const earlier = attempts.slice(0, -1).map(moved);
            if (!last.steady) return `; host not steady: the ceilings moved ${[...earlier, moved(last)].join(', ')} in ${attempts.length} attempts`;
            return earlier.length ? `; attempt ${attempts.length}, the ceilings having moved ${earlier.join(', ')} before` : '';
          };
          const failures = (run: LoginRun) => Object.entries(run.outcomes).filter(([k]) => k !== 'ok');
          const describe = (run: LoginRun) => (failures(run).length ? ` [${statuses(Object.fromEntries(failures(run)))}]` : '');
          const fatal = (run: LoginRun) =>
            failures(run)
              .filter(([k]) => !/ 429$/.test(k))
              .reduce((n, [, v]) => n + v, 0) + run.unfinished;
          const closedJudged = LOGIN_TARGET_SHARE * highest(closed);
          const targetJudged = LOGIN_TARGET_SHARE * highest(atTarget);
          const open = atTarget.run;
          // An open loop that keeps every login within 500 ms for the whole run has kept up with
          // the offered rate; its completion rate is shown, but a few ms of spread at the ends of
          // the run would make it a poor judge.
          // A loop that found no steady pair of ceilings measured the host as much as the server, and
          // meets nothing.
          const targetMet =
            atTarget.steady && open.latency.p99 <= LOGIN_P99_MS && failures(open).length === 0 && open.unfinished === 0 && targetRate >= targetJudged;
          return [
            {
              engine: `${engine}${procs}`,
              measurement: `login end to end, capacity (closed loop, ${ctx.loginConcurrency} users${attemptText(closedAttempts)})${describe(closed.run)}`,
              result: `${rate(closed.run.rate)} logins/s`,
              p50: closed.run.latency.p50,
              p99: closed.run.latency.p99,
              ceiling: ceilingText(closed),
              ratio: closed.run.rate / highest(closed),
              target: isPostgres ? `≥ ${rate(closedJudged)}/s (0.7× the higher)` : 'none (reported)',
              met: isPostgres ? closed.steady && closed.run.rate >= closedJudged : null,
              cpu: closed.run.cpu,
            },
            {
              engine: `${engine}${procs}`,
              measurement: `login end to end at the target rate (open loop, ${rate(targetRate)}/s offered${attemptText(openAttempts)})${describe(open)}`,
              result: `${rate(open.rate)} logins/s`,
              p50: open.latency.p50,
              p99: open.latency.p99,
              ceiling: ceilingText(atTarget),
              ratio: open.rate / highest(atTarget),
              target: isPostgres
                ? `keeps up with ${rate(targetRate)}/s${targetRate < targetJudged ? ` (below 0.7× the higher: ${rate(targetJudged)}/s)` : ` (≥ 0.7× the higher: ${rate(targetJudged)}/s)`}, p99 ≤ ${LOGIN_P99_MS} ms`
                : 'none (reported)',
              met: isPostgres ? targetMet : null,
              cpu: open.cpu,
            },
            {
              engine: `${engine}${procs}`,
              measurement: `login under overload (open loop, ${rate(overloadRate)}/s offered)${describe(overload)}`,
              result: `${rate(overload.rate)} logins/s; errors other than 429: ${fatal(overload)}`,
              p50: overload.latency.p50,
              p99: overload.latency.p99,
              ceiling: ceilingText(atTarget),
              ratio: overload.rate / highest(atTarget),
              target: isPostgres ? 'only 429s: 0 other errors' : 'none (reported)',
              met: isPostgres ? fatal(overload) === 0 : null,
              cpu: overload.cpu,
            },
          ];
        } finally {
          client.close();
        }
      },
      { SMS_PROVIDER_URL: provider.url, SMS_PROVIDER_TOKEN: provider.token },
    );
  } finally {
    await provider.stop();
  }
}
