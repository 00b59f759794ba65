import { describe, expect, it } from "vitest";
import { canTransition, statusGroupOf, transitions, type ReportStatus } from "../../../lib/workflow/states";

const all = Object.keys(transitions) as ReportStatus[];

describe("the standard procedure", () => {
  it("reaches every status from received", () => {
    const seen = new Set<ReportStatus>(["received"]);
    const queue: ReportStatus[] = ["received"];
    while (queue.length)
      for (const next of transitions[queue.shift()!]) if (!seen.has(next)) (seen.add(next), queue.push(next));
    expect([...seen].sort()).toEqual([...all].sort());
  });

  it("closes a report only after it was resolved", () => {
    const into = all.filter((from) => canTransition(from, "closed"));
    expect(into).toEqual(["resolved"]);
  });

  it("lets every finished report be reopened", () => {
    for (const status of ["resolved", "closed", "rejected", "duplicate"] as const) {
      expect(canTransition(status, "reopened")).toBe(true);
    }
  });

  it("puts every status in one of the four public groups", () => {
    expect(Object.keys(statusGroupOf).sort()).toEqual([...all].sort());
  });
});
