// Who used the two cores during a measurement: the server processes, PostgreSQL (the backends
// of the benchmark's database and the shared writers), the load generator, and everything
// else on the machine. Read from /proc, so Linux only; elsewhere the split is left out.
// Divided by the operations done, it says what one operation costs and where.
import fs from 'node:fs';
import os from 'node:os';

const TICK_MS = 10; // USER_HZ is 100 on every Linux Node supports

type Snapshot = { wallMs: number; machineBusyMs: number; stealMs: number; servers: number; serverEventLoops: number; postgres: Map<number, number>; bench: number };

export type CpuSplit = {
  wallS: number;
  /** CPU-seconds, all cores together (2 cores give at most 2 per second of wall time). */
  machineBusyS: number;
  stealS: number;
  serversS: number;
  /** Of serversS, the servers' main threads (the event loops); the rest is argon2's threads, V8's helpers and libuv's. */
  serverEventLoopsS: number;
  postgresS: number;
  loadGeneratorS: number;
  /** Other users of the machine: a busy neighbour shows up here, not in the figures' causes. */
  otherS: number;
  /** CPU-milliseconds per operation, by process. */
  perOpMs?: { servers: number; serverEventLoops: number; postgres: number; loadGenerator: number; total: number };
};

const available = fs.existsSync('/proc/stat');

function machine(): { busy: number; steal: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return { busy: (user! + nice! + system! + irq! + softirq!) * TICK_MS, steal: steal! * TICK_MS };
}

/** CPU of a whole process, or of its main thread alone (`/proc/<pid>/task/<pid>`). */
function procMs(pid: number, mainThreadOnly = false): number {
  try {
    const stat = fs.readFileSync(mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** PostgreSQL processes that work for this benchmark: its database's backends and the shared writers. */
function postgresPids(database: string | undefined): number[] {
  if (!database) return [];
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmd.startsWith('postgres')) continue;
      if (cmd.includes(` ${database} `) || /^postgres: .*(walwriter|checkpointer|background writer|autovacuum)/.test(cmd)) pids.push(Number(entry));
    } catch {
      // the process ended while being read
    }
  }
  return pids;
}

export class CpuMeter {
  private start: Snapshot | undefined;

  constructor(
    private readonly serverPids: () => number[],
    private readonly database: string | undefined,
  ) {}

  private snapshot(): Snapshot {
    const m = machine();
    const usage = process.cpuUsage();
    const servers = this.serverPids();
    return {
      wallMs: performance.now(),
      machineBusyMs: m.busy,
      stealMs: m.steal,
      servers: servers.reduce((n, pid) => n + procMs(pid), 0),
      serverEventLoops: servers.reduce((n, pid) => n + procMs(pid, true), 0),
      postgres: new Map(postgresPids(this.database).map((pid) => [pid, procMs(pid)])),
      bench: (usage.user + usage.system) / 1000,
    };
  }

  begin(): void {
    if (available) this.start = this.snapshot();
  }

  end(operations?: number): CpuSplit | undefined {
    if (!available || !this.start) return undefined;
    const a = this.start;
    const b = this.snapshot();
    const s = (x: number) => Math.round(x) / 1000;
    const servers = b.servers - a.servers;
    const eventLoops = b.serverEventLoops - a.serverEventLoops;
    // Per backend: the server's pool closes connections left idle and opens new ones, and a
    // backend that ended takes its CPU-time with it. Summed over the processes alive at the end
    // (a new one counted whole), the figure is what was spent in the window, less what a
    // backend spent before it ended, which an idle connection's backend does not.
    let postgres = 0;
    for (const [pid, ms] of b.postgres) postgres += ms - (a.postgres.get(pid) ?? 0);
    const bench = b.bench - a.bench;
    const busy = b.machineBusyMs - a.machineBusyMs;
    const split: CpuSplit = {
      wallS: s(b.wallMs - a.wallMs),
      machineBusyS: s(busy),
      stealS: s(b.stealMs - a.stealMs),
      serversS: s(servers),
      serverEventLoopsS: s(eventLoops),
      postgresS: s(postgres),
      loadGeneratorS: s(bench),
      otherS: s(Math.max(0, busy - servers - postgres - bench)),
    };
    if (operations && operations > 0) {
      const per = (x: number) => Math.round((x / operations) * 1000) / 1000;
      split.perOpMs = { servers: per(servers), serverEventLoops: per(eventLoops), postgres: per(postgres), loadGenerator: per(bench), total: per(servers + postgres + bench) };
    }
    return split;
  }
}

export function loadAverage(): number[] {
  return os.loadavg().map((n) => Math.round(n * 100) / 100);
}

/**
 * On a shared machine, waits (up to `maxWaitS`) until the rest of the machine leaves the cores
 * alone for a second, so that a measurement starts on a quiet machine. Returns the cores the
 * others were using at the last check; the run goes ahead either way.
 */
export async function awaitQuiet(maxWaitS: number, log: (m: string) => void, threshold = 0.25): Promise<number> {
  if (!available) return 0;
  const deadline = performance.now() + maxWaitS * 1000;
  let said = false;
  for (;;) {
    const a = machine();
    const t0 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const b = machine();
    const busyCores = (b.busy - a.busy + b.steal - a.steal) / (performance.now() - t0);
    if (busyCores <= threshold || performance.now() >= deadline) {
      if (said || busyCores > threshold) log(`machine busy with other work: ${busyCores.toFixed(2)} cores${busyCores > threshold ? ', measuring anyway' : ', going on'}`);
      return busyCores;
    }
    if (!said) log(`machine busy with other work (${busyCores.toFixed(2)} cores): waiting up to ${maxWaitS} s for quiet`);
    said = true;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
