// Transfers of services as the portal drives them: the new establishment's quote and request
// for a worker, the worker's consent, and the current establishment's release (see
// /api/openapi.json: POST /services/transfer_of_services/{quote,requests},
// POST /requests/{id}/consent and /release, GET /establishments/{id}/requests?role=releasing).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { ESTABLISHMENTS_KEY, type EstablishmentRequestsPage } from './establishments';
import { REQUESTS_KEY, type Quote, type ServiceRequest } from './eservices';

export const TRANSFER_SERVICE = 'transfer_of_services';

const application = (establishmentId: string, workerIdNumber: string) => ({ beneficiaryIdNumber: workerIdNumber, establishmentId, input: {} });

/** The eligibility answer and the fee for asking for this worker, before anything is created. */
export function useTransferQuote() {
  return useMutation({
    mutationFn: ({ establishmentId, workerIdNumber }: { establishmentId: string; workerIdNumber: string }) =>
      api.post<Quote>(`/api/v1/services/${TRANSFER_SERVICE}/quote`, application(establishmentId, workerIdNumber)),
  });
}

/** Submits the request; the key is made once per quoted worker, so a retried click creates one request. */
export function useSubmitTransfer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ establishmentId, workerIdNumber, key }: { establishmentId: string; workerIdNumber: string; key: string }) =>
      api.post<ServiceRequest>(`/api/v1/services/${TRANSFER_SERVICE}/requests`, application(establishmentId, workerIdNumber), { headers: { 'Idempotency-Key': key } }),
    onSuccess: async (r) => {
      client.setQueryData([...REQUESTS_KEY, r.id], r);
      await client.invalidateQueries({ queryKey: ESTABLISHMENTS_KEY });
    },
  });
}

/** The transfers of services waiting for this establishment to release its workers. */
export function useAwaitingRelease(establishmentId: string, page: number, pageSize = 25) {
  return useQuery({
    queryKey: [...ESTABLISHMENTS_KEY, establishmentId, 'requests', { role: 'releasing', page, pageSize }],
    queryFn: () =>
      api.get<EstablishmentRequestsPage>(`/api/v1/establishments/${encodeURIComponent(establishmentId)}/requests?role=releasing&page=${page}&pageSize=${pageSize}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** After a decision: the request as it now is, and the lists that showed it. */
function useDecided() {
  const client = useQueryClient();
  return (updated: ServiceRequest) => {
    client.setQueryData([...REQUESTS_KEY, updated.id], updated);
    void client.invalidateQueries({ queryKey: REQUESTS_KEY, exact: true });
    void client.invalidateQueries({ queryKey: ESTABLISHMENTS_KEY });
  };
}

/**
 * A decision on a request. The key is made when the person is asked to confirm, so that a
 * retried click on the same confirmation is the same decision, answered once.
 */
type Decision<D> = { decision: D; key: string };

/** The current establishment releases the worker, or refuses to (the request is then rejected). */
export function useReleaseDecision(requestId: string) {
  const decided = useDecided();
  return useMutation({
    mutationFn: ({ decision, key }: Decision<'release' | 'refuse'>) =>
      api.post<ServiceRequest>(`/api/v1/requests/${encodeURIComponent(requestId)}/release`, { decision }, { headers: { 'Idempotency-Key': key } }),
    onSuccess: decided,
  });
}

/** The person whose consent is asked (the worker, or a guardian) approves or declines. */
export function useConsentDecision(requestId: string) {
  const decided = useDecided();
  return useMutation({
    mutationFn: ({ decision, key }: Decision<'approve' | 'decline'>) =>
      api.post<ServiceRequest>(`/api/v1/requests/${encodeURIComponent(requestId)}/consent`, { decision }, { headers: { 'Idempotency-Key': key } }),
    onSuccess: decided,
  });
}
