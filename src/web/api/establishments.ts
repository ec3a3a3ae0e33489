// Establishments as the portal reads them: those the user may act for, one establishment's
// details, its workers page, the bulk iqama renewal and its iqama cards (see /api/openapi.json).
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { GivenDelegation } from './delegations';
import type { DatePair } from './eservices';
import type { Bilingual } from './types';

export type NamedService = { code: string; name: Bilingual };

export type EstablishmentSummary = {
  id: string;
  name: Bilingual;
  region: string;
  role: 'owner' | 'staff';
  opened: boolean;
  openedAt: string | null;
  services: NamedService[];
  staffUntil: string | null;
};

export type Establishment = {
  id: string;
  crNumber: string;
  labourFile: string;
  name: Bilingual;
  region: string;
  city: string;
  workerCount: number;
  openedAt: string;
  role: 'owner' | 'staff';
  services: NamedService[];
  paperAllowed: boolean;
};

export type WarningCode = 'iqama_expired' | 'iqama_expiring' | 'iqama_not_issued' | 'passport_expired' | 'passport_expiring' | 'passport_missing';

type Expiry = { expiresOn: DatePair; daysLeft: number };

export type Worker = {
  idNumber: string;
  iqamaNumber: string | null;
  name: Bilingual;
  nationality: string;
  profession: { code: string; name: Bilingual | null } | null;
  passport: (Expiry & { number: string }) | null;
  iqama: Expiry | null;
  warnings: Array<{ code: WarningCode; message: Bilingual }>;
  openRequests: { count: number; requests: Array<{ id: string; number: string; service: string; serviceName: Bilingual; status: string }> };
};

export type WorkersPage = { today: DatePair; total: number; page: number; pageSize: number; pages: number; workers: Worker[] };

export type WorkerSort = 'name' | 'id_number' | 'iqama_expiry' | 'passport_expiry';

export type WorkersQuery = {
  search?: string;
  nationality?: string;
  profession?: string;
  expiring?: '30' | '60' | '90';
  sort: WorkerSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

export const WORKER_SORTS: WorkerSort[] = ['name', 'id_number', 'iqama_expiry', 'passport_expiry'];
export const EXPIRING_WITHIN = ['30', '60', '90'] as const;
export const WORKER_PAGE_SIZES = ['10', '25', '50', '100'];

/** The workers view the address asks for: its filters, sort and page, anything unknown left at the default. */
export function readWorkersQuery(params: URLSearchParams): WorkersQuery {
  const sort = params.get('sort') as WorkerSort | null;
  const expiring = params.get('expiring') as WorkersQuery['expiring'] | null;
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    search: params.get('search') || undefined,
    nationality: params.get('nationality') || undefined,
    profession: params.get('profession') || undefined,
    expiring: expiring && (EXPIRING_WITHIN as readonly string[]).includes(expiring) ? expiring : undefined,
    sort: sort && WORKER_SORTS.includes(sort) ? sort : 'name',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: WORKER_PAGE_SIZES.includes(String(pageSize)) ? pageSize : 25,
  };
}

export type RenewalOutcome = 'submitted' | 'refused' | 'conflict' | 'error';

export type RenewalResult = {
  idNumber: string;
  outcome: RenewalOutcome;
  requestId: string | null;
  requestNumber: string | null;
  status: string | null;
  billNumber: string | null;
  amountHalalas: number | null;
  existing: boolean;
  refusals: Array<{ code: string; message: string }>;
};

export type Renewals = {
  summary: { submitted: number; refused: number; conflict: number; error: number; totalHalalas: number };
  results: RenewalResult[];
};

export type CardStatus = 'printed' | 'ready' | 'handed_over';

export type IqamaCard = {
  id: string;
  requestId: string;
  requestNumber: string;
  holderIdNumber: string;
  expiresOn: DatePair;
  establishmentId: string | null;
  office: { id: string; name: Bilingual };
  status: CardStatus;
  printedAt: string;
  readyAt: string | null;
  handedOverAt: string | null;
  uncollected: boolean;
};

export const ESTABLISHMENTS_KEY = ['establishments'] as const;

const path = (id: string) => `/api/v1/establishments/${encodeURIComponent(id)}`;

/** The query string of a workers view; `extra` adds what only the CSV takes (the language). */
export function workersSearch(q: Partial<WorkersQuery>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...extra })) if (v !== undefined && v !== '') params.set(k, String(v));
  return params.toString();
}

export function workersCsvUrl(id: string, q: Partial<WorkersQuery>, language: string): string {
  const { search, nationality, profession, expiring, sort, order } = q;
  return `${path(id)}/workers.csv?${workersSearch({ search, nationality, profession, expiring, sort, order }, { lang: language === 'en' ? 'en' : 'ar' })}`;
}

const listEstablishments = async () => (await api.get<{ establishments: EstablishmentSummary[] }>('/api/v1/establishments')).establishments;

export function useEstablishments(enabled = true) {
  return useQuery({ queryKey: ESTABLISHMENTS_KEY, queryFn: listEstablishments, enabled, retry: false });
}

/**
 * Whether the user owns or staffs an establishment, for the menu: the same query as the list,
 * asked again only after a few minutes however many pages are visited (the list page itself
 * asks afresh when opened).
 */
export function useActsForEstablishments(enabled: boolean) {
  return useQuery({ queryKey: ESTABLISHMENTS_KEY, queryFn: listEstablishments, enabled, staleTime: 5 * 60_000, retry: false, select: (list) => list.length > 0 });
}

export function establishmentQuery(id: string) {
  return queryOptions({ queryKey: [...ESTABLISHMENTS_KEY, id], queryFn: () => api.get<Establishment>(path(id)), retry: false, staleTime: 60_000 });
}

export function useEstablishment(id: string) {
  return useQuery(establishmentQuery(id));
}

export function useOpenEstablishment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (establishmentId: string) => api.post<Establishment>('/api/v1/establishments', { establishmentId }),
    onSuccess: () => client.invalidateQueries({ queryKey: ESTABLISHMENTS_KEY }),
  });
}

export function workersQuery(id: string, q: WorkersQuery) {
  return queryOptions({
    queryKey: [...ESTABLISHMENTS_KEY, id, 'workers', q],
    queryFn: () => api.get<WorkersPage>(`${path(id)}/workers?${workersSearch(q)}`),
    retry: false,
  });
}

export function useWorkers(id: string, q: WorkersQuery) {
  // The table keeps its rows while the next page or filter loads.
  return useQuery({ ...workersQuery(id, q), placeholderData: keepPreviousData });
}

export function useRenewIqamas(id: string) {
  const client = useQueryClient();
  return useMutation({
    // One key per submission: a retried click finds the renewals it made and bills none twice.
    mutationFn: ({ body, key }: { body: { workers: string[]; quarters: number; pickupOfficeId: string }; key: string }) =>
      api.post<Renewals>(`${path(id)}/iqama-renewals`, body, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...ESTABLISHMENTS_KEY, id, 'workers'] }),
  });
}

export function useEstablishmentCards(id: string, status?: CardStatus) {
  return useQuery({
    queryKey: [...ESTABLISHMENTS_KEY, id, 'cards', status ?? 'all'],
    queryFn: async () => (await api.get<{ cards: IqamaCard[] }>(`${path(id)}/iqama-cards?limit=200${status ? `&status=${status}` : ''}`)).cards,
    retry: false,
  });
}

// Staff authorizations (the owner's), the establishment's requests, and the lists the workers
// view's filters offer.

export type StaffBody = { staffIdNumber: string; services: string[]; startsOn?: string; endsOn: string };

export type EstablishmentBill = { billNumber: string; amountHalalas: number; status: string; expiresAt: string };

export type EstablishmentRequest = {
  id: string;
  number: string;
  service: string;
  serviceName: Bilingual;
  status: string;
  beneficiaryIdNumber: string;
  role: 'applicant' | 'releasing';
  byStaff: boolean;
  feeHalalas: number;
  bills: EstablishmentBill[];
  createdAt: string;
  createdOn: DatePair;
  decidedAt: string | null;
};

export type EstablishmentRequestsPage = { total: number; page: number; pageSize: number; pages: number; requests: EstablishmentRequest[] };

export type Profession = { code: string; name: Bilingual; domestic: boolean };

export type NationalityCount = { code: string; name: Bilingual | null; count: number };

/** Owner only: staff are refused by the API, so they never ask. */
export function useStaff(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...ESTABLISHMENTS_KEY, id, 'staff'],
    queryFn: async () => (await api.get<{ staff: GivenDelegation[] }>(`${path(id)}/staff`)).staff,
    enabled,
    retry: false,
  });
}

export function useAuthorizeStaff(id: string) {
  const client = useQueryClient();
  return useMutation({
    // One key per submission, so that a retried click gives one authorization.
    mutationFn: ({ body, key }: { body: StaffBody; key: string }) => api.post<GivenDelegation>(`${path(id)}/staff`, body, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...ESTABLISHMENTS_KEY, id, 'staff'] }),
  });
}

export function useRevokeStaff(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (delegationId: string) => api.post<GivenDelegation>(`${path(id)}/staff/${encodeURIComponent(delegationId)}/revoke`),
    onSuccess: () => client.invalidateQueries({ queryKey: [...ESTABLISHMENTS_KEY, id, 'staff'] }),
  });
}

export function useEstablishmentRequests(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...ESTABLISHMENTS_KEY, id, 'requests', { page, pageSize }],
    queryFn: () => api.get<EstablishmentRequestsPage>(`${path(id)}/requests?page=${page}&pageSize=${pageSize}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The labour ministry's professions: they change rarely, so they are asked for once a session. */
export const professionsQuery = queryOptions({
  queryKey: ['professions'],
  queryFn: async () => (await api.get<{ professions: Profession[] }>('/api/v1/professions')).professions,
  staleTime: Infinity,
  retry: false,
});

export function useProfessions(enabled = true) {
  return useQuery({ ...professionsQuery, enabled });
}

export function workerNationalitiesQuery(id: string) {
  return queryOptions({
    queryKey: [...ESTABLISHMENTS_KEY, id, 'nationalities'],
    queryFn: async () => (await api.get<{ nationalities: NationalityCount[] }>(`${path(id)}/workers/nationalities`)).nationalities,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useWorkerNationalities(id: string) {
  return useQuery(workerNationalitiesQuery(id));
}
