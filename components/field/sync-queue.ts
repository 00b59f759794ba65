import type { StaffReport } from "@/lib/reports/get-staff-report";
import { transitions, type ReportStatus } from "@/lib/workflow/states";
import type { QueueEntry, QueuedAction } from "./offline-store";

/** How the server answered one waiting change. */
export type SendOutcome =
  | { kind: "sent"; trackingCode?: string; report?: StaffReport }
  | { kind: "conflict"; current: { status: string; version: number }; message?: string }
  | { kind: "rejected"; message: string }
  | { kind: "signin" }
  // No answer, or a server error: the change stays and is sent again later.
  | { kind: "retry" };

/** Reads a response of the actions or the field filing route into what the queue does next. */
export function classifyResponse(status: number | null, body: unknown): SendOutcome {
  const error = (
    body as { error?: { message?: string; details?: { currentVersion?: number; status?: string } } } | null
  )?.error;
  if (status === null || status >= 500 || status === 408 || status === 429) return { kind: "retry" };
  if (status >= 200 && status < 300) {
    const answer = body as { trackingCode?: unknown; version?: unknown; timeline?: unknown } | null;
    if (typeof answer?.trackingCode === "string") return { kind: "sent", trackingCode: answer.trackingCode };
    // The actions route answers with the report as it now is.
    if (typeof answer?.version === "number" && Array.isArray(answer.timeline))
      return { kind: "sent", report: answer as StaffReport };
    return { kind: "sent" };
  }
  if (status === 401) return { kind: "signin" };
  if (status === 409 && typeof error?.details?.currentVersion === "number") {
    return {
      kind: "conflict",
      current: { status: String(error.details.status ?? ""), version: error.details.currentVersion },
      message: error.message,
    };
  }
  return { kind: "rejected", message: error?.message ?? `HTTP ${status}` };
}

/** Sends one waiting change with its key; a network failure is a `retry`. */
export async function sendEntry(entry: QueueEntry, fetcher: typeof fetch = fetch): Promise<SendOutcome> {
  const headers: Record<string, string> = {};
  let url: string;
  let payload: string;
  if (entry.kind === "action") {
    url = `/api/staff/reports/${entry.reportId}/actions`;
    headers["idempotency-key"] = entry.key;
    payload = JSON.stringify({ expectedVersion: entry.expectedVersion, action: entry.action });
  } else {
    url = "/api/staff/field/reports";
    payload = JSON.stringify(entry.data);
  }
  let body: BodyInit;
  if (entry.kind === "file" || entry.photos.length > 0) {
    const form = new FormData();
    form.set("data", payload);
    entry.photos.forEach((photo, i) => form.append("photos", photo, `photo-${i + 1}.jpg`));
    body = form;
  } else {
    headers["content-type"] = "application/json";
    body = payload;
  }
  try {
    const res = await fetcher(url, { method: "POST", headers, body, credentials: "same-origin" });
    return classifyResponse(res.status, await res.json().catch(() => null));
  } catch {
    return classifyResponse(null, null);
  }
}

/**
 * Sends the waiting changes in the order they were made. A report whose change was refused holds
 * its later changes back (they were made on top of it), and a change the server could not take now
 * stops the run, to be tried again on the next one. Returns what changed.
 */
export async function flushQueue(input: {
  entries: QueueEntry[];
  send: (entry: QueueEntry) => Promise<SendOutcome>;
  onSent: (entry: QueueEntry, outcome: SendOutcome) => Promise<void>;
  onHeld: (entry: QueueEntry) => Promise<void>;
}): Promise<{ sent: number; stopped: "done" | "retry" | "signin" }> {
  const blocked = new Set<number>();
  let sent = 0;
  for (const entry of input.entries) {
    if (
      entry.kind === "action" &&
      (blocked.has(entry.reportId) || entry.state === "conflict" || entry.state === "rejected")
    ) {
      blocked.add(entry.reportId);
      continue;
    }
    if (entry.kind === "file" && entry.state === "rejected") continue;
    const outcome = await input.send(entry);
    if (outcome.kind === "retry") return { sent, stopped: "retry" };
    if (outcome.kind === "signin") {
      await input.onHeld({ ...entry, state: "signin" });
      return { sent, stopped: "signin" };
    }
    if (outcome.kind === "sent") {
      sent++;
      await input.onSent(entry, outcome);
      continue;
    }
    if (entry.kind === "action") blocked.add(entry.reportId);
    await input.onHeld(
      outcome.kind === "conflict" && entry.kind === "action"
        ? { ...entry, state: "conflict", current: outcome.current, message: outcome.message }
        : { ...entry, state: "rejected", message: outcome.message },
    );
  }
  return { sent, stopped: "done" };
}

/**
 * The crew decided to send their changes to a report on top of the state the server has now: the
 * changes keep their order and keys, with versions counted on from the current one.
 */
export function rebaseActions(entries: QueueEntry[], reportId: number, version: number): QueuedAction[] {
  return entries
    .filter((e): e is QueuedAction => e.kind === "action" && e.reportId === reportId)
    .map((e, i) => ({
      ...e,
      expectedVersion: version + i,
      state: "pending" as const,
      current: undefined,
      message: undefined,
    }));
}

/** A report as the phone shows it: the last copy from the server with the crew's waiting changes on top. */
export type LocalReport = StaffReport & { waiting: QueuedAction[] };

export function localReport(report: StaffReport, entries: QueueEntry[]): LocalReport {
  const waiting = entries.filter((e): e is QueuedAction => e.kind === "action" && e.reportId === report.id);
  let status = report.status;
  for (const change of waiting)
    if (change.action.type === "transition" && change.action.to) status = change.action.to as ReportStatus;
  if (waiting.some((c) => c.action.type === "mark_duplicate")) status = "duplicate";
  const next = transitions[status];
  return {
    ...report,
    status,
    version: report.version + waiting.length,
    transitions: report.permittedTransitions.filter((to) => next.includes(to)),
    canMarkDuplicate: report.canMarkDuplicate && next.includes("duplicate"),
    waiting,
  };
}
