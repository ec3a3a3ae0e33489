import type { CpuSplit } from './cpu';

// The results table. Displayed figures are cut, never rounded, in the flattering direction:
// rates are floored and latencies ceiled, so a figure shown as meeting its target does.

export type Row = {
  engine: string;
  measurement: string;
  result: string;
  p50?: number | undefined;
  p99?: number | undefined;
  ceiling?: string | undefined;
  /** The result over its ceiling. */
  ratio?: number | undefined;
  target?: string | undefined;
  /** null: no target for this row (PGlite, ceilings), or it could not be measured. */
  met?: boolean | null | undefined;
  cpu?: CpuSplit | undefined;
};

/** CPU-ms per operation by process: servers + PostgreSQL + load generator. */
function cpuPerOp(c: CpuSplit | undefined): string {
  const p = c?.perOpMs;
  if (!p) return '';
  const f = (n: number) => (n >= 10 ? n.toFixed(1) : n.toFixed(2));
  return `${f(p.servers)} + ${f(p.postgres)} + ${f(p.loadGenerator)}`;
}

/** Cores busy with other work on the machine during the run (0 on a quiet machine). */
function others(c: CpuSplit | undefined): string {
  if (!c || c.wallS <= 0) return '';
  return ((c.otherS + c.stealS) / c.wallS).toFixed(2);
}

export function rate(n: number): string {
  const floored = Math.floor(n * 10) / 10;
  return floored >= 1000 ? Math.floor(floored).toLocaleString('en-US') : floored.toFixed(1);
}

export function ms(n: number | undefined): string {
  if (n === undefined) return '';
  return `${(Math.ceil(n * 10) / 10).toFixed(1)} ms`;
}

export function ratio(n: number | undefined): string {
  return n === undefined ? '' : `${(Math.floor(n * 100) / 100).toFixed(2)}×`;
}

export function table(rows: Row[]): string {
  const header = ['engine', 'measurement', 'result', 'p50', 'p99', 'ceiling (same run)', 'of ceiling', 'target', 'met', 'CPU ms/op srv+pg+gen', 'other load (cores)'];
  const lines = rows.map((r) => [
    r.engine,
    r.measurement,
    r.result,
    ms(r.p50),
    ms(r.p99),
    r.ceiling ?? '',
    ratio(r.ratio),
    r.target ?? '',
    r.met === true ? 'met' : r.met === false ? 'NOT met' : '',
    cpuPerOp(r.cpu),
    others(r.cpu),
  ]);
  const out = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const l of lines) out.push(`| ${l.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
  return out.join('\n');
}

export function statuses(s: Record<string, number>): string {
  return Object.entries(s)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
}
