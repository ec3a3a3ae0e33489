// One way to call the API: JSON, the interface language in Accept-Language (the server
// answers error messages in it), and the CSRF token on every state change.
import i18n from 'i18next';
import { apiHeaders, forgetEarlyResponses, takeEarlyResponse } from '../app/early-requests';
import { storedLanguage } from '../app/language';
import { csrfToken } from './csrf';

export type ApiIssue = { field: string | null; problem?: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> | undefined,
    /** Seconds, from Retry-After. */
    readonly retryAfter: number | undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The fields the server named as wrong, when it named any. */
  get issues(): ApiIssue[] {
    const issues = this.details?.issues;
    if (!Array.isArray(issues)) return [];
    return issues.filter((i): i is ApiIssue => typeof i === 'object' && i !== null && 'field' in i);
  }
}

/** Thrown when the server could not be reached at all. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network', { cause });
    this.name = 'NetworkError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = { headers?: Record<string, string>; signal?: AbortSignal; rawBody?: string };

export async function request<T>(method: Method, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  // The routes' loaders ask before i18next has started: the language it will start with.
  const language = i18n.language || storedLanguage();
  const headers: Record<string, string> = { ...apiHeaders(language), ...opts.headers };
  const payload = opts.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
    forgetEarlyResponses();
  }
  // The page's first requests were sent by index.html before this code had arrived: their
  // answers are taken rather than asked for again (app/early-requests.ts).
  const early = method === 'GET' && opts.headers === undefined ? takeEarlyResponse(path, language) : undefined;
  let res: Response;
  try {
    res = await (early ?? fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal: opts.signal }));
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new NetworkError(err);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
    const retry = Number(res.headers.get('retry-after'));
    throw new ApiError(
      res.status,
      typeof e?.code === 'string' ? e.code : 'http_' + res.status,
      typeof e?.message === 'string' ? e.message : res.statusText,
      typeof e?.details === 'object' && e.details !== null ? (e.details as Record<string, unknown>) : undefined,
      Number.isFinite(retry) && retry > 0 ? retry : undefined,
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
};

export function isApiError(err: unknown, ...codes: string[]): err is ApiError {
  return err instanceof ApiError && (codes.length === 0 || codes.includes(err.code));
}

/** 401s that mean "log in (again)". */
export function isUnauthenticated(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 'not_authenticated' || err.code === 'session_expired' || err.status === 401);
}
