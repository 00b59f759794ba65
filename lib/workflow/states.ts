import type { reportStatus } from "../../db/schema/enums";

export type ReportStatus = (typeof reportStatus.enumValues)[number];

/**
 * The standard procedure. Every change of status goes through one of these edges; anything else
 * is refused. `reopened` returns a report to work after a citizen or staff member disputes it.
 */
export const transitions: Record<ReportStatus, readonly ReportStatus[]> = {
  // A report routed at filing is already held by its organisation, which can start on it directly.
  received: ["triaged", "assigned", "in_progress", "rejected", "duplicate"],
  triaged: ["assigned", "rejected", "duplicate"],
  assigned: ["in_progress", "action_scheduled", "resolved", "rejected", "duplicate"],
  // Back to assigned: forwarded to another organisation after a look on site.
  in_progress: ["action_scheduled", "resolved", "assigned"],
  action_scheduled: ["in_progress", "resolved", "assigned"],
  resolved: ["closed", "reopened"],
  closed: ["reopened"],
  rejected: ["reopened"],
  duplicate: ["reopened"],
  reopened: ["triaged", "assigned", "in_progress"],
};

export function canTransition(from: ReportStatus, to: ReportStatus): boolean {
  return transitions[from].includes(to);
}

/** What the public map shows: four groups a citizen understands. */
export type StatusGroup = "open" | "in_progress" | "resolved" | "closed";

export const statusGroupOf: Record<ReportStatus, StatusGroup> = {
  received: "open",
  triaged: "open",
  assigned: "open",
  reopened: "open",
  in_progress: "in_progress",
  action_scheduled: "in_progress",
  resolved: "resolved",
  closed: "closed",
  rejected: "closed",
  duplicate: "closed",
};

export const statusGroups: readonly StatusGroup[] = ["open", "in_progress", "resolved", "closed"];

export function statusesInGroup(group: StatusGroup): ReportStatus[] {
  return (Object.keys(statusGroupOf) as ReportStatus[]).filter((s) => statusGroupOf[s] === group);
}

/** Statuses in which the service-standard clock runs; in SQL: `r.status::text in ${openStatuses}`. */
export const openStatuses: readonly ReportStatus[] = [
  ...statusesInGroup("open"),
  ...statusesInGroup("in_progress"),
];

export function isOpenStatus(status: ReportStatus): boolean {
  return openStatuses.includes(status);
}
