import { describe, expect, it } from "vitest";
import { formatChange } from "@/components/analytics/format-change";

describe("a change against the previous period", () => {
  it("reads with its sign and a space before the percent sign", () => {
    expect(formatChange(0.93)).toBe("+93 %");
    expect(formatChange(-0.124)).toBe("−12 %");
    expect(formatChange(0.001)).toBe("±0 %");
    expect(formatChange(2)).toBe("+200 %");
  });
});
