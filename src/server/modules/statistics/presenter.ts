// What leaves of the statistics: counts and durations only. No person, account or officer is
// named; offices appear by their public id, names, region and city.
import type { z } from 'zod';
import type { ProcessingTime } from './repository';
import type { Statistics } from './read-statistics';
import type { statisticsView, summaryView } from './schemas';

const hours = (seconds: number) => Math.round((seconds / 3600) * 100) / 100;

function presentTimes(times: ProcessingTime[]) {
  return times.map((t) => ({ service: t.service, issued: t.n, averageHours: hours(t.avgSeconds), medianHours: hours(t.medianSeconds), p90Hours: hours(t.p90Seconds) }));
}

export function presentStatistics(s: Statistics): z.infer<typeof statisticsView> {
  return {
    from: s.range.from,
    to: s.range.to,
    timeZone: '+03:00',
    region: s.region,
    officeId: s.officeId,
    totals: s.totals,
    days: s.days,
    offices: s.offices.map((o) => ({
      id: o.office.id,
      kind: o.office.kind,
      name: { ar: o.office.nameAr, en: o.office.nameEn },
      region: o.office.region,
      city: o.office.city,
      visits: o.visits,
      days: o.days,
    })),
    regions: s.regions,
    processingTimes: s.processingTimes && presentTimes(s.processingTimes),
  };
}

/** The open summary: the kingdom's totals over the period, nothing per office, region or day. */
export function presentSummary(s: Statistics): z.infer<typeof summaryView> {
  return { from: s.range.from, to: s.range.to, timeZone: '+03:00', totals: s.totals, processingTimes: presentTimes(s.processingTimes ?? []) };
}
