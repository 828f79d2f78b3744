import { commonTexts } from './i18n/common.ts';
import { currentLang } from './i18n/i18n.tsx';
import { translate } from './i18n/texts.ts';

export interface Problem {
  path: string;
  message: string;
  file?: string;
  line?: number;
  severity?: string;
}

/** An error answered by the server, with its translated message and problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: Problem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function csrfCookie(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith('jaring_csrf='))
    ?.slice('jaring_csrf='.length);
}

async function csrfToken(): Promise<string> {
  const existing = csrfCookie();
  if (existing) return existing;
  const res = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  const body = (await res.json()) as { token: string };
  return body.token;
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': currentLang() };
  if (method !== 'GET') headers['x-csrf-token'] = await csrfToken();
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', translate(commonTexts.networkError, currentLang()));
  }
  return readResponse<T>(res);
}

/** The body of a response, or its error as an ApiError with the server's translated message. */
async function readResponse<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({}))) as {
    error?: { code: string; message: string; problems?: Problem[]; details?: Record<string, unknown> };
  };
  if (!res.ok) {
    const e = data.error;
    throw new ApiError(
      res.status,
      e?.code ?? 'unknown',
      e?.message ?? res.statusText,
      e?.problems,
      e?.details,
    );
  }
  return data as T;
}

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, body: unknown = {}) => api<T>('POST', url, body);
export const put = <T>(url: string, body: unknown = {}) => api<T>('PUT', url, body);
export const patch = <T>(url: string, body: unknown = {}) => api<T>('PATCH', url, body);
export const del = <T>(url: string, body?: unknown) => api<T>('DELETE', url, body);

/** Uploads one file as multipart/form-data (field `file`). */
export async function uploadFile<T>(url: string, file: File | Blob, name = 'file'): Promise<T> {
  const form = new FormData();
  form.append('file', file, file instanceof File ? file.name : name);
  const headers: Record<string, string> = {
    'accept-language': currentLang(),
    'x-csrf-token': await csrfToken(),
  };
  return readResponse<T>(
    await fetch(url, { method: 'POST', body: form, headers, credentials: 'same-origin' }),
  );
}
