// The ceilings every figure is read against, measured in the same run on the same machine
// with the same load generator: what Fastify alone can answer, and what argon2 alone can hash.
import { ARGON2_OPTIONS } from '../../src/server/modules/passwords/hasher';
import { argon2Ceiling } from '../lib/argon2';
import { CpuMeter, type CpuSplit } from '../lib/cpu';
import { cannon, type LoadResult } from '../lib/load';
import { startBareFastify, type ServerProcess } from '../lib/processes';
import { rate, type Row } from '../lib/report';

export type Ceiling = LoadResult & { cpu: CpuSplit | undefined };

export async function bareFastify(processes: number, connections: number, durationS: number, warmupS: number): Promise<Ceiling> {
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) servers.push(await startBareFastify());
    const urls = servers.map((s) => s.url);
    const request = { method: 'GET', path: '/' };
    await cannon({ urls, connections, durationS: warmupS, request });
    const meter = new CpuMeter(() => servers.map((s) => s.pid), undefined);
    meter.begin();
    const r = await cannon({ urls, connections, durationS, request });
    return { ...r, cpu: meter.end(r.ok) };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

export async function measureArgon2(durationS: number) {
  const meter = new CpuMeter(() => [], undefined);
  meter.begin();
  const r = await argon2Ceiling(durationS);
  return { ...r, cpu: meter.end(r.hashes) };
}

export function ceilingRows(
  bare: Map<number, Ceiling>,
  argon2: Awaited<ReturnType<typeof measureArgon2>>,
  connections: number,
  when: string,
): Row[] {
  const rows: Row[] = [];
  for (const [processes, r] of bare) {
    rows.push({
      engine: '—',
      measurement: `ceiling (${when}): bare Fastify GET / {"ok":true}, ${processes} process${processes > 1 ? 'es' : ''}, ${connections} conn.`,
      result: `${rate(r.rate)} req/s`,
      p50: r.latency.p50,
      p99: r.latency.p99,
      cpu: r.cpu,
    });
  }
  rows.push({
    engine: '—',
    cpu: argon2.cpu,
    measurement: `ceiling (${when}): argon2id hashes (${ARGON2_OPTIONS.memoryCost / 1024} MiB, t=${ARGON2_OPTIONS.timeCost}, p=${ARGON2_OPTIONS.parallelism}), ${argon2.concurrency} at a time`,
    result: `${rate(argon2.rate)} hashes/s`,
  });
  return rows;
}
