import { token } from './auth';

/** An RFC 9457 problem (or any non-2xx answer), as the user should read it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly type?: string,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

export function authHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const t = token();
  return t ? { Authorization: `Bearer ${t}`, ...extra } : { ...extra };
}

export async function problemOf(response: Response): Promise<ApiError> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body = await response.json();
      return new ApiError(response.status, body.title ?? `Error ${response.status}`, body.detail ?? '', body.type);
    } catch {
      // fall through
    }
  }
  return new ApiError(response.status, `Error ${response.status}`, response.statusText);
}

/** fetch with the subject's token; throws ApiError on a non-2xx answer unless `accept` lists it. */
export async function api(path: string, init: RequestInit = {}, accept: number[] = []): Promise<Response> {
  const headers = { ...authHeaders(), ...((init.headers as Record<string, string>) ?? {}) };
  const response = await fetch(path, { ...init, headers, cache: 'no-store' });
  if (!response.ok && !accept.includes(response.status)) {
    throw await problemOf(response);
  }
  return response;
}

export async function json<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await api(path, { ...init, headers: { Accept: 'application/json', ...((init.headers as Record<string, string>) ?? {}) } });
  return (await response.json()) as T;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
