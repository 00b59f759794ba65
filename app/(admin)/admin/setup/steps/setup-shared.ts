import { apiFetch } from "@/lib/client/api-fetch";
import type { OrganisationKind } from "@/lib/onboarding/catalogue";
import type { SetupDraftData } from "@/lib/onboarding/draft-schema";

export type Organisation = NonNullable<SetupDraftData["organisations"]>[number];
export type Category = NonNullable<SetupDraftData["categories"]>[number];
export type StaffMember = NonNullable<SetupDraftData["staff"]>[number];

export const kinds: OrganisationKind[] = ["contact_centre", "department", "inspectorate", "utility_company"];
export const roles = [
  "agent",
  "inspector",
  "utility_operator",
  "permit_officer",
  "planner",
  "org_admin",
  "admin",
] as const;

/** A code from a name: ASCII, lower case, dashes (đ becomes dj). */
export function slug(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/gi, "dj")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "x"
  );
}

/** A request of the wizard: its JSON answer, or the error's message ("network" when none came). */
export async function send(
  url: string,
  init: { method: string; json?: unknown; body?: FormData },
): Promise<{ ok: true; body: unknown } | { ok: false; message: string }> {
  const res = await apiFetch(url, init);
  if (res.ok) return { ok: true, body: res.data };
  return { ok: false, message: res.status === null ? "network" : (res.message ?? String(res.status)) };
}
