// The loaders of the routes (app/router.tsx): the shell's, which asks who is logged in, and the
// pages' own, which start each page's queries (see app/query-client.ts). Listed here, apart from
// the pages' components, so that they can be checked against the requests index.html sends
// before the portal has loaded (app/early-requests.ts): the two must ask for the same paths.
import { maySessionExist } from '../api/csrf';
import { dashboardLoader } from '../features/dashboard/dashboard-loader';
import { establishmentLoader } from '../features/establishments/establishment-loader';
import { serviceLoader } from '../features/eservices/service-loader';
import { officeLoader } from '../features/office/office-loader';
import { statisticsLoader } from '../features/statistics/statistics-loader';
import { servicesQuery } from '../api/eservices';
import { meQuery } from '../session/queries';
import { prefetching } from './query-client';

/** Who is logged in, which every page behind the login waits for: asked first, before the page's own queries. */
export const shellLoader = prefetching(() => (maySessionExist() ? [meQuery] : []));

/** Each page's loader, by its route's path. */
export const pageLoaders = {
  dashboard: dashboardLoader,
  'services/:code': serviceLoader,
  'establishments/:id': establishmentLoader,
  office: officeLoader,
  statistics: statisticsLoader,
} as const;

/**
 * What the home page asks for as it first renders: it is part of the entry, and its route has no
 * loader, so that going home (as logging out does, session/queries.ts) is committed at once.
 */
export const homeQueries = [servicesQuery] as const;
