// The directorate's statistics as the portal reads them (see /api/openapi.json): the open
// summary anyone may see, and the supervisors' figures per day, office and region.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Bilingual } from './types';

export type Visits = { activations: number; cardHandovers: number; paperTransactions: number; total: number };
export type ByService = { total: number; byService: Record<string, number> };

/** Null figures are those that have no meaning for the scope (registrations have no region). */
export type Figures = {
  registeredUsers: number | null;
  activations: { office: number; atm: number | null; kiosk: number | null; total: number | null };
  eTransactions: ByService | null;
  paperTransactions: ByService;
  officeVisits: Visits;
  /** 0 to 1; null when there was no transaction. */
  shareWithoutVisit: number | null;
};

export type ProcessingTime = { service: string; issued: number; averageHours: number; medianHours: number; p90Hours: number };

type Period = { from: string; to: string; timeZone: '+03:00' };

export type Summary = Period & { totals: Figures; processingTimes: ProcessingTime[] };

export type OfficeFigures = {
  id: string;
  kind: 'office' | 'airport';
  name: Bilingual;
  region: string;
  city: string;
  visits: Visits;
  days: Array<Visits & { date: string }>;
};

export type RegionFigures = {
  /** null: e-transactions of individuals, which have no region. */
  region: string | null;
  eTransactions: number;
  officeVisits: Visits;
  shareWithoutVisit: number | null;
  days: Array<{ date: string; eTransactions: number; officeVisits: Visits; shareWithoutVisit: number | null }>;
};

export type Statistics = Period & {
  region: string | null;
  officeId: string | null;
  totals: Figures;
  days: Array<Figures & { date: string }>;
  offices: OfficeFigures[];
  regions: RegionFigures[];
  processingTimes: ProcessingTime[] | null;
};

export type StatisticsFilter = { from?: string | undefined; to?: string | undefined; region?: string | undefined; officeId?: string | undefined };

const STATISTICS_KEY = ['statistics'] as const;

function query(filter: StatisticsFilter): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The kingdom's totals over the last 30 days, for anyone. */
export const statisticsSummaryQuery = queryOptions({
  queryKey: [...STATISTICS_KEY, 'summary'],
  queryFn: () => api.get<Summary>('/api/v1/statistics/summary'),
  // The server keeps it for 5 minutes.
  staleTime: 5 * 60_000,
});

export function useStatisticsSummary() {
  return useQuery(statisticsSummaryQuery);
}

/** The supervisors' figures; the previous answer stays on screen while a new filter is counted. */
export function useStatistics(filter: StatisticsFilter, enabled: boolean) {
  return useQuery({
    queryKey: [...STATISTICS_KEY, 'detail', filter],
    queryFn: () => api.get<Statistics>(`/api/v1/statistics${query(filter)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}
