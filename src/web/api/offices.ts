// The passports offices and airport desks, as the API lists them: chosen by id, named in
// the interface language.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Bilingual } from './types';

export type Office = { id: string; kind: 'office' | 'airport'; name: Bilingual; region: string; city: string };

export const officesQuery = queryOptions({
  queryKey: ['offices'],
  queryFn: async () => (await api.get<{ offices: Office[] }>('/api/v1/offices')).offices,
  // The list changes rarely.
  staleTime: 30 * 60_000,
});

export function useOffices() {
  return useQuery(officesQuery);
}
