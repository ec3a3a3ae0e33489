// The labour ministry's list of professions, as labels for the workers view. The list changes
// rarely, so it is kept for a while per ministry client; a ministry that cannot be reached
// leaves the labels unknown rather than failing the page.
import type { LabourMinistry } from '../../adapters/labour/port';
import type { Text } from '../../services/definition';
import { AgencyUnavailableError } from '../../adapters/population-registry/port';

const KEEP_MS = 10 * 60_000;
const cache = new WeakMap<LabourMinistry, { at: number; labels: Map<string, Text> }>();

export async function professionLabels(labour: LabourMinistry, nowMs: number): Promise<Map<string, Text>> {
  const hit = cache.get(labour);
  if (hit && nowMs - hit.at < KEEP_MS) return hit.labels;
  try {
    const labels = new Map((await labour.professions()).map((p) => [p.code, p.name]));
    cache.set(labour, { at: nowMs, labels });
    return labels;
  } catch (err) {
    if (err instanceof AgencyUnavailableError) return hit?.labels ?? new Map();
    throw err;
  }
}
