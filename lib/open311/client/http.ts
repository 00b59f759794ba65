import "server-only";
import { PermanentDeliveryError } from "../../notifications/deliver-pending-messages";

export type Fetch = typeof fetch;

const TIMEOUT_MS = 15_000;

/** Open311 error bodies are a list of {code, description}; anything else is shown as it came. */
async function describeFailure(res: Response): Promise<string> {
  const text = (await res.text()).slice(0, 2_000);
  try {
    const errors = JSON.parse(text) as Array<{ code?: unknown; description?: unknown }>;
    if (Array.isArray(errors) && errors.length > 0)
      return `HTTP ${res.status}: ${errors.map((e) => `${e.code} ${e.description}`).join("; ")}`;
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return `HTTP ${res.status}: ${text.slice(0, 300)}`;
}

/**
 * Calls an external Open311 system and returns its JSON. Client errors (bad key, unknown service,
 * invalid field) will not get better by retrying and are permanent; timeouts, 408, 429 and 5xx
 * are retried by the outbox.
 */
export async function callOpen311<T>(input: {
  fetch: Fetch;
  url: string;
  form?: URLSearchParams;
}): Promise<T> {
  const res = await input.fetch(input.url, {
    method: input.form ? "POST" : "GET",
    body: input.form?.toString(),
    headers: {
      accept: "application/json",
      ...(input.form ? { "content-type": "application/x-www-form-urlencoded; charset=utf-8" } : {}),
    },
    signal: AbortSignal.timeout(TIMEOUT_MS),
    redirect: "error",
  });
  if (!res.ok) {
    const message = await describeFailure(res);
    const retriable = res.status >= 500 || res.status === 408 || res.status === 429;
    throw retriable ? new Error(message) : new PermanentDeliveryError(message);
  }
  return (await res.json()) as T;
}
