// What an e-service's form asks for, started by its route as soon as the address is known:
// the catalogue, the offices and the applicant's people at once, rather than one after the
// other (see app/query-client.ts). Part of the entry: it must not import the page's components.
import { maySessionExist } from '../../api/csrf';
import { peopleQuery, servicesQuery } from '../../api/eservices';
import { officesQuery } from '../../api/offices';
import { prefetching } from '../../app/query-client';

export const serviceLoader = prefetching(({ request }) => {
  const search = new URL(request.url).searchParams;
  // As the page decides: a delegate or an establishment types the beneficiary instead.
  const typed = !!search.get('delegation') || !!search.get('establishment');
  return [servicesQuery, officesQuery, ...(maySessionExist() && !typed ? [peopleQuery] : [])];
});
