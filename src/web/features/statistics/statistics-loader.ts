// What the statistics page asks for, started by its route as soon as the address is known: the
// summary and the services' names its table of processing times needs, at once (see
// app/query-client.ts). Part of the entry: it must not import the page's components.
import { servicesQuery } from '../../api/eservices';
import { statisticsSummaryQuery } from '../../api/statistics';
import { prefetching } from '../../app/query-client';

export const statisticsLoader = prefetching(() => [statisticsSummaryQuery, servicesQuery]);
