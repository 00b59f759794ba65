import { describe, expect, it } from "vitest";
import { parseBBox } from "../../../lib/geo/bbox";
import { AppError } from "../../../lib/errors";

describe("bounding box parsing", () => {
  it("accepts west,south,east,north in degrees", () => {
    expect(parseBBox("21.3,43.9,21.45,43.96")).toEqual([21.3, 43.9, 21.45, 43.96]);
  });

  it.each([
    "",
    "1,2,3",
    "1,2,3,4,5",
    "a,1,2,3",
    "2,1,1,3",
    "1,3,2,1",
    "-181,0,0,1",
    "0,-91,1,0",
    "1,2,Infinity,4",
  ])("refuses %j as a bad request", (raw) => {
    const err = (() => {
      try {
        parseBBox(raw);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("bad_request");
    expect((err as AppError).messageKey).toBe("invalidBbox");
  });

  it("refuses an area larger than a region", () => {
    expect(() => parseBBox("19,42,23,46")).toThrow(expect.objectContaining({ messageKey: "bboxTooLarge" }));
  });
});
