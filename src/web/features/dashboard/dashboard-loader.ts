// What the dashboard asks for, started by its route as soon as the address is known: beside
// the page's own chunk rather than after it, and all at once rather than section by section
// once the login is known (see app/query-client.ts). Part of the entry: it must not import the
// page's components.
import { accessLogQuery } from '../../api/access-log';
import { maySessionExist } from '../../api/csrf';
import { delegationsQuery } from '../../api/delegations';
import { myDocumentsQuery, peopleQuery, requestsQuery } from '../../api/eservices';
import { notificationsQuery } from '../../api/notifications';
import { officesQuery } from '../../api/offices';
import { prefetching } from '../../app/query-client';

/** How many notifications the dashboard shows at first, and adds at each "more". */
export const NOTIFICATIONS_PAGE = 5;
/** How many of the latest access-log entries the dashboard shows. */
export const RECENT_ACCESS = 3;

export const dashboardLoader = prefetching(() =>
  maySessionExist()
    ? [requestsQuery, notificationsQuery(NOTIFICATIONS_PAGE), myDocumentsQuery, peopleQuery, delegationsQuery, accessLogQuery(RECENT_ACCESS), officesQuery]
    : [],
);
