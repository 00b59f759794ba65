import { describe, expect, it } from "vitest";
import {
  draftReducer,
  emptyDraft,
  filingData,
  firstIncompleteBefore,
  stepFromHash,
} from "../../../components/forms/report-draft";

const key = "6f1c0a8e-3d1b-4c55-9d0a-2b1f3c4d5e6f";

describe("the report flow's draft", () => {
  it("drops the answers when another category is chosen, and keeps them when the same one is tapped again", () => {
    let draft = draftReducer(emptyDraft(key), { type: "category", serviceCode: "water_leak" });
    draft = draftReducer(draft, { type: "answers", answers: { gas: "no" } });
    expect(draftReducer(draft, { type: "category", serviceCode: "water_leak" }).answers).toEqual({
      gas: "no",
    });
    expect(draftReducer(draft, { type: "category", serviceCode: "pothole" }).answers).toEqual({});
  });

  it("drops a drawn shape when the citizen goes back to a point, keeping the pin", () => {
    let draft = draftReducer(emptyDraft(key), { type: "shapeMode", mode: "line" });
    draft = draftReducer(draft, {
      type: "shape",
      shape: {
        type: "LineString",
        coordinates: [
          [21.37, 43.93],
          [21.371, 43.93],
        ],
      },
      position: [21.3705, 43.93],
    });
    const point = draftReducer(draft, { type: "shapeMode", mode: "point" });
    expect(point.shape).toBeNull();
    expect(point.position).toEqual([21.3705, 43.93]);
  });

  it("sends a step back to the first one not done: no pin, no category, no description or photo", () => {
    const empty = emptyDraft(key);
    expect(firstIncompleteBefore(empty, "place")).toBeNull();
    expect(firstIncompleteBefore(empty, "review")).toBe("place");
    const placed = draftReducer(empty, { type: "place", position: [21.37, 43.93] });
    expect(firstIncompleteBefore(placed, "details")).toBe("category");
    const chosen = draftReducer(placed, { type: "category", serviceCode: "pothole" });
    expect(firstIncompleteBefore(chosen, "details")).toBeNull();
    expect(firstIncompleteBefore(chosen, "contact")).toBe("details");
    const photo = draftReducer(chosen, {
      type: "photos",
      photos: [{ blob: new Blob(["x"]), url: "blob:1" }],
    });
    expect(firstIncompleteBefore(photo, "review")).toBeNull();
  });

  it("reads the step from the address's hash, and an unknown hash as the first step", () => {
    expect(stepFromHash("#details")).toBe("details");
    expect(stepFromHash("#nonsense")).toBe("place");
    expect(stepFromHash("")).toBe("place");
  });

  it("files what was entered, without empty answers, a contact only when one was given, and the shape only when drawing", () => {
    let draft = draftReducer(emptyDraft(key), { type: "place", position: [21.37, 43.93] });
    draft = draftReducer(draft, { type: "category", serviceCode: "pothole" });
    draft = draftReducer(draft, { type: "answers", answers: { depth: "", lanes: [], size: "large" } });
    const data = filingData(draft, "Karađorđeva, Ćuprija");
    expect(data).toMatchObject({
      serviceCode: "pothole",
      position: [21.37, 43.93],
      address: "Karađorđeva, Ćuprija",
      answers: { size: "large" },
      submissionKey: key,
    });
    expect(data.contact).toBeUndefined();
    expect(data.shape).toBeUndefined();
  });
});
