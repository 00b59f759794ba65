import { describe, expect, it } from "vitest";
import {
  conflictingKindPairs,
  kindsConflict,
  kindsConflictingWith,
  permitKinds,
} from "../../../lib/permits/conflict-matrix";

describe("the conflict matrix of permit kinds", () => {
  it("is symmetric", () => {
    for (const a of permitKinds)
      for (const b of permitKinds) expect(kindsConflict(a, b), `${a} × ${b}`).toBe(kindsConflict(b, a));
  });

  it("flags two excavations, an event over roadworks, and lets scaffolding stand on a construction site", () => {
    expect(kindsConflict("excavation", "excavation")).toBe(true);
    expect(kindsConflict("event", "excavation")).toBe(true);
    expect(kindsConflict("street_occupancy", "construction")).toBe(false);
    expect(kindsConflictingWith("event")).toEqual([
      "construction",
      "excavation",
      "street_occupancy",
      "event",
    ]);
    expect(kindsConflictingWith("construction")).toEqual(["construction", "excavation", "event"]);
  });

  it("lists each pair once", () => {
    const keys = conflictingKindPairs.map(([a, b]) => [a, b].sort().join("×"));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
