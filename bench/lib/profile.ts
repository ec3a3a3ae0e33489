// Reads the V8 CPU profiles the servers wrote (--cpu-prof) and says where the main thread's
// time went, by package or source file. argon2 runs on libuv threads and never shows here:
// what shows is everything else a request costs.
import fs from 'node:fs';
import path from 'node:path';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type Share = { name: string; ms: number; share: number };

/**
 * The measured runs, by profile folder ("postgres-me"), on the monotonic clock V8 stamps its
 * samples with: the summary leaves out start-up, warm-up and the waits between runs.
 */
const windows = new Map<string, Array<[number, number]>>();

export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export function markMeasured(folder: string, startUs: number, endUs: number): void {
  const list = windows.get(folder) ?? [];
  list.push([startUs, endUs]);
  windows.set(folder, list);
}

export function measuredWindows(folder: string): Array<[number, number]> | undefined {
  return windows.get(folder);
}

/** Where a frame belongs: a package, a file of ours, Node's internals, or V8's own bookkeeping. */
function bucket(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').split('/').slice(0, 2).join('/');
  const ours = url.match(/\/(src\/.+)$/);
  return ours ? ours[1]! : url;
}

export function summarizeProfile(
  file: string,
  within?: Array<[number, number]>,
  top = 15,
): { totalMs: number; byBucket: Share[]; byFunction: Share[] } {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]!);
    at += profile.timeDeltas[i] ?? 0;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) continue;
    if (within && !within.some(([a, b]) => at >= a && at <= b)) continue;
    total += dt;
    const b = bucket(node.callFrame.url, node.callFrame.functionName);
    buckets.set(b, (buckets.get(b) ?? 0) + dt);
    const f = `${node.callFrame.functionName || '(anonymous)'} ${b}:${node.callFrame.lineNumber + 1}`;
    functions.set(f, (functions.get(f) ?? 0) + dt);
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: Math.round((ms / total) * 1000) / 10 }));
  return { totalMs: Math.round(total), byBucket: rank(buckets), byFunction: rank(functions) };
}

export function profilesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? profilesIn(path.join(dir, e.name)) : e.name.endsWith('.cpuprofile') ? [path.join(dir, e.name)] : []));
}
