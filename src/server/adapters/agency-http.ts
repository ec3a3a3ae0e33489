// The one way the real agency clients call out: a bearer token, a timeout, JSON. A network
// failure, a timeout, a 5xx, a 429 or a refused token is AgencyUnavailableError (the edge
// answers 503 with Retry-After); any other status is the caller's to read.
import { AgencyUnavailableError } from './population-registry/port';

export type AgencyClientOptions = { url: string; token: string; timeoutMs?: number; fetch?: typeof fetch };

export async function callAgency(agency: string, opts: AgencyClientOptions, method: string, path: string, body?: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(opts.url.replace(/\/$/, '') + path, {
      method,
      headers: { authorization: `Bearer ${opts.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
    });
  } catch (err) {
    throw new AgencyUnavailableError(agency, err);
  }
  if (res.status >= 500 || res.status === 429 || res.status === 401 || res.status === 403) {
    throw new AgencyUnavailableError(agency, new Error(`status ${res.status}`));
  }
  return res;
}

/** Reads a JSON body that must match; anything else means the agency is not answering properly. */
export async function readAgencyJson<T>(agency: string, res: Response, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: unknown } }): Promise<T> {
  const parsed = schema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new AgencyUnavailableError(agency, parsed.error);
  return parsed.data;
}
