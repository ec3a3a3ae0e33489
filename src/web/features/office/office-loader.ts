// What the office console asks for, started by its route as soon as the address is known: the
// card queue's three lists, the latest paper transactions and the services' names, at once,
// rather than once the page's chunk has run and its sections have rendered (see
// app/query-client.ts). Part of the entry: it must not import the page's components.
import { maySessionExist } from '../../api/csrf';
import { servicesQuery } from '../../api/eservices';
import { officeCardsQuery, paperTransactionsQuery } from '../../api/office';
import { prefetching } from '../../app/query-client';

export const officeLoader = prefetching(() =>
  maySessionExist() ? [officeCardsQuery('printed'), officeCardsQuery('ready'), officeCardsQuery('uncollected'), paperTransactionsQuery, servicesQuery] : [],
);
