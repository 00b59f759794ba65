import { describe, expect, it } from "vitest";
import type { QueueEntry, QueuedAction, QueuedFiling } from "@/components/field/offline-store";
import {
  classifyResponse,
  flushQueue,
  localReport,
  rebaseActions,
  type SendOutcome,
} from "@/components/field/sync-queue";
import type { StaffReport } from "@/lib/reports/get-staff-report";

let clock = 0;
function change(
  reportId: number,
  expectedVersion: number,
  action: QueuedAction["action"],
  state: QueuedAction["state"] = "pending",
): QueuedAction {
  clock++;
  return {
    kind: "action",
    key: `key-${clock}-0123456789`,
    createdAt: clock,
    state,
    photos: [],
    reportId,
    reportCode: `C-${reportId}`,
    expectedVersion,
    action,
  };
}
function filing(): QueuedFiling {
  clock++;
  return {
    kind: "file",
    key: `file-${clock}`,
    createdAt: clock,
    state: "pending",
    photos: [],
    categoryName: "Rupa",
    data: {
      serviceCode: "pothole",
      position: [21.37, 43.93],
      description: "x",
      answers: {},
      submissionKey: `file-${clock}`,
    },
  };
}

async function run(entries: QueueEntry[], answers: Map<string, SendOutcome>) {
  const sentKeys: string[] = [];
  const held: QueueEntry[] = [];
  const result = await flushQueue({
    entries,
    send: async (e) => {
      sentKeys.push(e.key);
      return answers.get(e.key) ?? { kind: "sent" };
    },
    onSent: async () => undefined,
    onHeld: async (e) => void held.push(e),
  });
  return { result, sentKeys, held };
}

describe("the field app's queue of changes made offline", () => {
  it("reads the server's answers: saved, out of date, refused, signed out, no answer", () => {
    expect(classifyResponse(201, { trackingCode: "AB12-CD34" })).toEqual({
      kind: "sent",
      trackingCode: "AB12-CD34",
    });
    expect(
      classifyResponse(409, {
        error: { message: "changed", details: { currentVersion: 4, status: "resolved" } },
      }),
    ).toEqual({
      kind: "conflict",
      current: { status: "resolved", version: 4 },
      message: "changed",
    });
    // A 409 for a step the procedure does not allow is a refusal, not a version conflict.
    expect(classifyResponse(409, { error: { message: "not allowed" } })).toEqual({
      kind: "rejected",
      message: "not allowed",
    });
    expect(classifyResponse(422, { error: { message: "outside" } })).toEqual({
      kind: "rejected",
      message: "outside",
    });
    expect(classifyResponse(401, null)).toEqual({ kind: "signin" });
    for (const status of [null, 500, 502, 503, 408, 429])
      expect(classifyResponse(status, null)).toEqual({ kind: "retry" });
  });

  it("sends everything in order when the server takes it", async () => {
    const entries = [
      change(1, 3, { type: "transition", to: "in_progress" }),
      filing(),
      change(1, 4, { type: "note", internalNote: "n" }),
    ];
    const { result, sentKeys } = await run(entries, new Map());
    expect(result).toEqual({ sent: 3, stopped: "done" });
    expect(sentKeys).toEqual(entries.map((e) => e.key));
  });

  it("holds back a report's later changes once one is out of date, and goes on with other reports", async () => {
    const first = change(1, 3, { type: "transition", to: "in_progress" });
    const second = change(1, 4, { type: "transition", to: "resolved", publicText: "done" });
    const other = change(2, 7, { type: "note", internalNote: "n" });
    const answers = new Map<string, SendOutcome>([
      [first.key, { kind: "conflict", current: { status: "assigned", version: 4 } }],
    ]);
    const { result, sentKeys, held } = await run([first, second, other], answers);
    // The second change was made on top of the first: it is not sent, even though version 4 is now current.
    expect(sentKeys).toEqual([first.key, other.key]);
    expect(result).toEqual({ sent: 1, stopped: "done" });
    expect(held).toEqual([
      { ...first, state: "conflict", current: { status: "assigned", version: 4 }, message: undefined },
    ]);
  });

  it("stops at the first change without an answer and keeps the rest for the next run", async () => {
    const a = change(1, 1, { type: "note", internalNote: "a" });
    const b = change(2, 1, { type: "note", internalNote: "b" });
    const { result, sentKeys } = await run([a, b], new Map([[a.key, { kind: "retry" }]]));
    expect(result).toEqual({ sent: 0, stopped: "retry" });
    expect(sentKeys).toEqual([a.key]);
  });

  it("rebases a report's held changes on the current version, keeping their order and keys", () => {
    const a = change(5, 2, { type: "transition", to: "in_progress" }, "conflict");
    const b = change(5, 3, { type: "note", internalNote: "n" });
    const rebased = rebaseActions([a, filing(), b], 5, 9);
    expect(rebased.map((e) => [e.key, e.expectedVersion, e.state])).toEqual([
      [a.key, 9, "pending"],
      [b.key, 10, "pending"],
    ]);
  });

  it("shows a report with the crew's waiting changes on top, and the steps open from there", () => {
    const report = {
      id: 8,
      status: "assigned",
      version: 2,
      transitions: ["in_progress", "action_scheduled", "resolved", "rejected"],
      permittedTransitions: ["in_progress", "action_scheduled", "resolved", "rejected"],
      canMarkDuplicate: true,
    } as unknown as StaffReport;
    const local = localReport(report, [
      change(8, 2, { type: "transition", to: "in_progress" }),
      change(9, 1, { type: "note" }),
    ]);
    expect(local.status).toBe("in_progress");
    expect(local.version).toBe(3);
    expect(local.transitions).toEqual(["action_scheduled", "resolved"]);
    expect(local.waiting).toHaveLength(1);
    expect(local.canMarkDuplicate).toBe(false);
  });
});
