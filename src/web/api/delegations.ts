// E-authorizations as the portal reads them: those the holder gave and received, giving one,
// revoking one.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { DatePair, Party } from './eservices';
import type { Bilingual } from './types';

export type DelegationStatus = 'scheduled' | 'in_force' | 'expired' | 'revoked';

type DelegationBase = {
  id: string;
  services: Array<{ code: string; name: Bilingual }>;
  period: { startsOn: DatePair; endsOn: DatePair; startsAt: string; endsAt: string };
  status: DelegationStatus;
  createdAt: string;
  revokedAt: string | null;
  /** A staff authorization: the establishment (unified number) it is limited to; null for a personal one. */
  establishmentId: string | null;
};

export type GivenDelegation = DelegationBase & { delegate: Party; canRevoke: boolean };
export type ReceivedDelegation = DelegationBase & { grantor: Party };
export type Delegations = { given: GivenDelegation[]; received: ReceivedDelegation[] };

export type GrantBody = { delegateIdNumber: string; services: string[]; startsOn?: string; endsOn: string };

export type DelegationActivity = {
  requests: Array<{ id: string; number: string; service: string; serviceName: Bilingual; status: string; beneficiaryIdNumber: string; createdAt: string }>;
};

export const DELEGATIONS_KEY = ['delegations'] as const;

/** What the delegate did under an authorization the holder gave: asked only when shown. */
export function useDelegationActivity(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...DELEGATIONS_KEY, id, 'activity'],
    queryFn: () => api.get<DelegationActivity>(`/api/v1/delegations/${encodeURIComponent(id)}/activity`),
    enabled,
    retry: false,
  });
}

export const delegationsQuery = queryOptions({ queryKey: DELEGATIONS_KEY, queryFn: () => api.get<Delegations>('/api/v1/delegations'), retry: false });

export function useDelegations() {
  return useQuery(delegationsQuery);
}

export function useGrantDelegation() {
  const client = useQueryClient();
  return useMutation({
    // One key per submission, so that a retried click gives one authorization.
    mutationFn: ({ body, key }: { body: GrantBody; key: string }) => api.post<GivenDelegation>('/api/v1/delegations', body, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () => client.invalidateQueries({ queryKey: DELEGATIONS_KEY }),
  });
}

export function useRevokeDelegation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<GivenDelegation>(`/api/v1/delegations/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: DELEGATIONS_KEY }),
  });
}
