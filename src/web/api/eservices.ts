// The e-services as the portal reads them: the public catalogue, the holder's documents,
// the people they may act for, and their requests with the bills.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Bilingual } from './types';

export type ServiceParameter = { value: number; unit: 'halalas' | 'days' | 'months' | 'years' | 'count' | string; effectiveFrom: string };

export type Service = {
  code: string;
  name: Bilingual;
  description: Bilingual;
  beneficiaryKinds: string[];
  relations: string[];
  delegable: boolean;
  rules: Array<{ code: string; text: Bilingual }>;
  parameters: Record<string, ServiceParameter>;
  /** The lines a quote or a bill of this service can hold, with what each is. */
  feeLines: Array<{ key: string; label: Bilingual }>;
  input: Record<string, unknown>;
};

export type DatePair = { gregorian: string; hijri: string };

/** The other party of an authorization: a name, and a masked identity number. */
export type Party = { name: Bilingual | null; idNumberMasked: string };

export type DocumentStatus = 'valid' | 'expiring_soon' | 'expired' | 'replaced' | 'used' | 'cancelled';

export type RegistryDocument = { number: string; issuedOn: DatePair | null; expiresOn: DatePair; daysLeft: number; status: DocumentStatus };

export type IssuedDocument = RegistryDocument & {
  kind: 'passport' | 'iqama' | 'exit_reentry_visa' | 'final_exit_visa';
  issuedOn: DatePair;
  requestId: string | null;
  details: Record<string, string | number>;
};

export type DocumentsView = {
  holder: { idNumber: string; kind: 'citizen' | 'resident'; name: Bilingual };
  relation: 'self' | 'family' | 'domestic_worker';
  today: DatePair;
  passport: RegistryDocument | null;
  iqama: RegistryDocument | null;
  issued: IssuedDocument[];
};

type Expiry = { expiresOn: DatePair; daysLeft: number; status: DocumentStatus };

export type Person = {
  idNumber: string;
  kind: 'citizen' | 'resident';
  name: Bilingual;
  relation: 'family' | 'domestic_worker';
  familyRelation: 'spouse' | 'son' | 'daughter' | 'father' | 'mother' | null;
  passport: Expiry | null;
  iqama: Expiry | null;
};

export type FeeLine = { key: string; label: Bilingual; amountHalalas: number; quantity: number };
export type Fee = { totalHalalas: number; lines: FeeLine[] };

export type Quote = { eligible: boolean; relation: string; refusals: Array<{ code: string; message: string }>; fee: Fee };

export type BillStatus = 'unpaid' | 'paid' | 'cancelled' | 'expired';
export type Bill = {
  billNumber: string;
  amountHalalas: number;
  status: BillStatus;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  receiptId: string | null;
  refundStatus: 'due' | 'refunded' | null;
};

export type RequestStatus = 'awaiting_consent' | 'awaiting_release' | 'awaiting_payment' | 'submitted' | 'issued' | 'rejected' | 'cancelled';

export type OutcomeDocument = { kind: string; number: string; issuedOn?: string; expiresOn?: string };

export type ServiceRequest = {
  id: string;
  number: string;
  service: string;
  serviceName: Bilingual;
  status: RequestStatus;
  beneficiary: { idNumber: string; name: Bilingual | null };
  relation: string;
  byDelegate: boolean;
  /** When a delegate applied on a holder's behalf: both of them. */
  delegation: { grantor: Party; delegate: Party } | null;
  appliedByYou?: boolean;
  /** Whether your consent is the one asked for (a guardian's, or the worker's for a transfer). */
  consentFromYou?: boolean;
  /** The establishment that applied, when its owner or staff applied. */
  establishmentId: string | null;
  /** That establishment's name (absent from older servers; null when unknown). */
  establishmentName?: Bilingual | null;
  /** A transfer of services: the establishment whose release is awaited or was given. */
  releaseFrom: string | null;
  input: Record<string, unknown>;
  fee: Fee;
  bills: Bill[];
  outcome: {
    documents?: OutcomeDocument[];
    refusals?: Array<{ code: string; message?: Bilingual | string }>;
    /** What the service recorded besides documents (a transfer: from, to, how the release was given). */
    summary?: Record<string, unknown>;
  } | null;
  allowedActions: string[];
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  createdOn: DatePair;
  /** The request's history, on its own page: each move from one status to the next. */
  events?: RequestEvent[];
};

export type RequestEvent = { at: string; from: RequestStatus | null; to: RequestStatus; actorKind: string; onBehalfOf: boolean; details: Record<string, unknown> };

export const SERVICES_KEY = ['services'] as const;
export const REQUESTS_KEY = ['requests'] as const;

export const servicesQuery = queryOptions({
  queryKey: SERVICES_KEY,
  queryFn: async () => (await api.get<{ services: Service[] }>('/api/v1/services')).services,
  staleTime: 5 * 60_000,
});

export function useServices() {
  return useQuery(servicesQuery);
}

export const myDocumentsQuery = queryOptions({ queryKey: ['documents', 'me'], queryFn: () => api.get<DocumentsView>('/api/v1/me/documents'), retry: false });

export function useMyDocuments() {
  return useQuery(myDocumentsQuery);
}

export const peopleQuery = queryOptions({
  queryKey: ['people'],
  queryFn: async () => (await api.get<{ today: DatePair; people: Person[] }>('/api/v1/people')).people,
  retry: false,
  staleTime: 60_000,
});

export function usePeople(opts: { enabled?: boolean } = {}) {
  return useQuery({ ...peopleQuery, enabled: opts.enabled ?? true });
}

export const requestsQuery = queryOptions({
  queryKey: REQUESTS_KEY,
  queryFn: async () => (await api.get<{ requests: ServiceRequest[] }>('/api/v1/requests')).requests,
  retry: false,
});

export function useRequests() {
  return useQuery(requestsQuery);
}

const SETTLED: RequestStatus[] = ['issued', 'rejected', 'cancelled'];

/** One request; polled while it waits for a payment, a consent or the decision. */
export function useRequest(id: string) {
  return useQuery({
    queryKey: [...REQUESTS_KEY, id],
    queryFn: () => api.get<ServiceRequest>(`/api/v1/requests/${encodeURIComponent(id)}`),
    retry: false,
    refetchInterval: (q) => (q.state.data && !SETTLED.includes(q.state.data.status) ? 3000 : false),
  });
}
