import type { ReportStatus } from "../workflow/states";

/**
 * Our procedure in Open311's two states, in one table. Open311 has no "rejected" or "duplicate":
 * both are closed, with the reason in status_notes.
 */
export const open311Status: Record<ReportStatus, "open" | "closed"> = {
  received: "open",
  triaged: "open",
  assigned: "open",
  in_progress: "open",
  action_scheduled: "open",
  reopened: "open",
  resolved: "closed",
  closed: "closed",
  rejected: "closed",
  duplicate: "closed",
};

export function statusesFor(open311: "open" | "closed"): ReportStatus[] {
  return (Object.keys(open311Status) as ReportStatus[]).filter((s) => open311Status[s] === open311);
}
