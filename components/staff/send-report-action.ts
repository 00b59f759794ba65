import { apiFetch } from "@/lib/client/api-fetch";

/** How a report action came back: saved, refused because someone changed the report first, or refused with a message. */
export type ActionOutcome =
  { kind: "saved" } | { kind: "conflict"; message?: string } | { kind: "error"; message?: string };

/**
 * Sends one workflow action with the version the screen shows (JSON, or multipart when photos of
 * the work go with it) to the staff actions route.
 */
export async function sendReportAction(input: {
  reportId: number;
  version: number;
  action: Record<string, unknown>;
  photos?: File[];
}): Promise<ActionOutcome> {
  const payload = JSON.stringify({ expectedVersion: input.version, action: input.action });
  let init: RequestInit = { method: "POST", headers: { "content-type": "application/json" }, body: payload };
  if (input.photos && input.photos.length > 0) {
    const form = new FormData();
    form.set("data", payload);
    input.photos.forEach((p) => form.append("photos", p));
    init = { method: "POST", body: form };
  }
  const res = await apiFetch(`/api/staff/reports/${input.reportId}/actions`, init);
  if (res.ok) return { kind: "saved" };
  if (res.status === 409 && res.details?.currentVersion) return { kind: "conflict" };
  return { kind: "error", message: res.message ?? undefined };
}
