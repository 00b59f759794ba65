import { foldForSearch } from "../i18n/transliterate";

export type ReportStatus =
  | "received"
  | "triaged"
  | "assigned"
  | "in_progress"
  | "action_scheduled"
  | "resolved"
  | "closed"
  | "rejected"
  | "duplicate"
  | "reopened";

/** Our status codes, plus the words other systems and spreadsheets use (Serbian in either script, English). */
const synonyms: Record<string, ReportStatus> = {
  received: "received",
  triaged: "triaged",
  assigned: "assigned",
  in_progress: "in_progress",
  action_scheduled: "action_scheduled",
  resolved: "resolved",
  closed: "closed",
  rejected: "rejected",
  reopened: "reopened",
  open: "received",
  new: "received",
  novo: "received",
  primljeno: "received",
  otvoreno: "received",
  "u toku": "in_progress",
  "in progress": "in_progress",
  reseno: "resolved",
  zatvoreno: "closed",
  odbijeno: "rejected",
};

export function parseStatus(text: string): ReportStatus | null {
  return synonyms[foldForSearch(text).trim()] ?? synonyms[text.trim().toLowerCase()] ?? null;
}
