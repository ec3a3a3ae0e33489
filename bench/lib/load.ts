// Closed-loop load with autocannon: N connections, each sending its next request as soon as
// the previous answer arrives. Only 2xx answers count towards the rate; every other status
// and every socket error is kept for the report.
import autocannon, { type RequestDefinition } from 'autocannon';

export type LoadResult = {
  /** 2xx answers per second over the run. */
  rate: number;
  ok: number;
  durationS: number;
  connections: number;
  latency: { mean: number; p50: number; p90: number; p99: number; max: number };
  statuses: Record<string, number>;
  socketErrors: number;
  timeouts: number;
  /** The first few non-2xx answers, to tell a bench mistake from a server refusal. */
  samples: string[];
};

export type LoadOptions = {
  urls: string[];
  connections: number;
  durationS: number;
  request: RequestDefinition;
  timeoutS?: number;
};

export async function cannon(opts: LoadOptions): Promise<LoadResult> {
  const samples: string[] = [];
  const given = opts.request.onResponse;
  const request: RequestDefinition = {
    ...opts.request,
    onResponse(status, body, context, headers) {
      if ((status < 200 || status >= 300) && samples.length < 5) samples.push(`${status} ${body.slice(0, 240)}`);
      given?.(status, body, context, headers);
    },
  };
  const instance = autocannon({
    url: opts.urls,
    connections: opts.connections,
    duration: opts.durationS,
    timeout: opts.timeoutS ?? 30,
    requests: [request],
  });
  const r = await instance;
  const statuses: Record<string, number> = {};
  let ok = 0;
  for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {})) {
    statuses[code] = Number(count);
    if (code.startsWith('2')) ok += Number(count);
  }
  return {
    rate: ok / r.duration,
    ok,
    durationS: r.duration,
    connections: opts.connections,
    latency: { mean: r.latency.mean, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    statuses,
    socketErrors: r.errors - r.timeouts,
    timeouts: r.timeouts,
    samples,
  };
}
