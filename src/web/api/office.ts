// The office console's lists as the portal reads them (see /api/openapi.json): the queue of
// iqama cards, a page at a time, and the latest paper transactions. The office page's hooks and
// its route's loader ask for them with the same options, so that the loader's answers are the
// ones the page finds.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { IqamaCard } from './establishments';
import type { Bilingual } from './types';

/** A card of GET /office/iqama-cards: the office's list names the holder. */
export type OfficeCard = IqamaCard & { holderName: Bilingual | null };
export type OfficeCardFilter = 'printed' | 'ready' | 'uncollected' | 'handed_over';
type OfficeCardsPage = { cards: OfficeCard[]; nextCursor: string | null };

export const OFFICE_CARDS_KEY = ['office', 'iqama-cards'] as const;
/** The cards one page asks for; while more follow, the page shows its counts as "this many or more". */
export const OFFICE_CARDS_PAGE_SIZE = 200;

/** A filter's cards in the server's order (what waits, the longest waiting first). */
export function officeCardsQuery(filter: OfficeCardFilter) {
  return infiniteQueryOptions({
    queryKey: [...OFFICE_CARDS_KEY, filter],
    queryFn: ({ pageParam }) => {
      const q = filter === 'uncollected' ? 'uncollected=true' : `status=${filter}`;
      const after = pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : '';
      return api.get<OfficeCardsPage>(`/api/v1/office/iqama-cards?${q}&limit=${OFFICE_CARDS_PAGE_SIZE}${after}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    retry: false,
  });
}

/** The services a paper transaction may be recorded for (the establishments' services). */
export const PAPER_SERVICES = ['iqama_issue', 'iqama_renew', 'exit_reentry_visa', 'final_exit_visa', 'profession_change', 'transfer_of_services', 'transfer_of_information'] as const;

export type PaperTransaction = {
  id: string;
  officeId: string;
  establishmentId: string;
  service: (typeof PAPER_SERVICES)[number];
  beneficiaryIdNumber: string;
  reference: string | null;
  at: string;
  recordedBy: string;
};

export const PAPER_TRANSACTIONS_KEY = ['office', 'paper-transactions'] as const;

/** The office's ten latest paper transactions. */
export const paperTransactionsQuery = queryOptions({
  queryKey: PAPER_TRANSACTIONS_KEY,
  queryFn: async () => (await api.get<{ transactions: PaperTransaction[] }>('/api/v1/office/paper-transactions?limit=10')).transactions,
  retry: false,
});
