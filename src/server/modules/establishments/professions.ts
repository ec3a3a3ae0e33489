// The labour ministry's list of professions: for the workers view's labels and the list clients
// choose from. The list changes rarely, so it is kept for a while per ministry client; when the
// ministry cannot be reached the last list kept still serves, and labels are left unknown
// rather than failing the page.
import type { LabourMinistry, Profession } from '../../adapters/labour/port';
import type { Text } from '../../services/definition';
import { AgencyUnavailableError } from '../../adapters/population-registry/port';

const KEEP_MS = 10 * 60_000;
const cache = new WeakMap<LabourMinistry, { at: number; list: Profession[]; labels: Map<string, Text> }>();

async function kept(labour: LabourMinistry, nowMs: number) {
  const hit = cache.get(labour);
  if (hit && nowMs - hit.at < KEEP_MS) return hit;
  try {
    const list = await labour.professions();
    const entry = { at: nowMs, list, labels: new Map(list.map((p) => [p.code, p.name])) };
    cache.set(labour, entry);
    return entry;
  } catch (err) {
    if (err instanceof AgencyUnavailableError && hit) return hit;
    throw err;
  }
}

/** The ministry's professions; AgencyUnavailableError when it cannot be reached and none is kept. */
export async function professionList(labour: LabourMinistry, nowMs: number): Promise<Profession[]> {
  return (await kept(labour, nowMs)).list;
}

export async function professionLabels(labour: LabourMinistry, nowMs: number): Promise<Map<string, Text>> {
  try {
    return (await kept(labour, nowMs)).labels;
  } catch (err) {
    if (err instanceof AgencyUnavailableError) return new Map();
    throw err;
  }
}
