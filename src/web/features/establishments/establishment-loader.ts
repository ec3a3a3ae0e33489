// What an establishment's page asks for, started by its route as soon as the address is known:
// the establishment and its workers' rows at once, rather than the rows once the establishment
// has come (see app/query-client.ts). Part of the entry: it must not import the page's
// components.
import { maySessionExist } from '../../api/csrf';
import { establishmentQuery, professionsQuery, readWorkersQuery, workerNationalitiesQuery, workersQuery } from '../../api/establishments';
import { prefetching } from '../../app/query-client';

export const establishmentLoader = prefetching(({ params, request }) => {
  const id = params.id ?? '';
  // Only for a unified number as the API writes it, so that the rows asked for are the ones
  // the table will ask for (it asks with the number the API answered).
  if (!maySessionExist() || !/^7\d{9}$/.test(id)) return [];
  return [establishmentQuery(id), workersQuery(id, readWorkersQuery(new URL(request.url).searchParams)), workerNationalitiesQuery(id), professionsQuery];
});
