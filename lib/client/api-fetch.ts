/**
 * The browser's way to call the app's JSON API. Every route answers errors as
 * `{ error: { code, message, details } }` (lib/http.ts), with the message already in the caller's
 * language; this reads that shape once, so screens only decide what to show.
 */
export type ApiError = {
  ok: false;
  /** null: no answer at all (offline, connection reset). */
  status: number | null;
  code: string | null;
  /** The server's message in the user's language; null when there was no answer to read. */
  message: string | null;
  details: Record<string, unknown> | null;
};

export type ApiResult<T> = { ok: true; status: number; data: T } | ApiError;

export async function apiFetch<T = unknown>(
  url: string,
  init: Omit<RequestInit, "body"> & { json?: unknown; body?: BodyInit | null } = {},
): Promise<ApiResult<T>> {
  const { json, headers, ...rest } = init;
  const request: RequestInit =
    json === undefined
      ? { ...rest, headers }
      : {
          ...rest,
          headers: { ...(headers as Record<string, string>), "content-type": "application/json" },
          body: JSON.stringify(json),
        };
  let response: Response;
  try {
    response = await fetch(url, request);
  } catch {
    return { ok: false, status: null, code: null, message: null, details: null };
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, status: response.status, data: body as T };
  return apiErrorOf(response.status, body);
}

/**
 * The error answer of a response read without apiFetch (a download whose body is streamed): its
 * status and the `{ error }` shape, read the same way.
 */
export async function readApiError(response: Response): Promise<ApiError> {
  return apiErrorOf(response.status, await response.json().catch(() => null));
}

function apiErrorOf(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  return {
    ok: false,
    status,
    code: typeof error?.code === "string" ? error.code : null,
    message: typeof error?.message === "string" ? error.message : null,
    details:
      error?.details && typeof error.details === "object" ? (error.details as Record<string, unknown>) : null,
  };
}
