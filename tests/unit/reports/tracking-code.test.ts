import { describe, expect, it } from "vitest";
import {
  makeTrackingCode,
  normaliseTrackingCode,
  TRACKING_ALPHABET,
} from "../../../lib/reports/tracking-code";
import { seededRandom } from "../../../lib/random";

describe("tracking codes", () => {
  it("use no look-alike characters and two groups of four", () => {
    const random = seededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const code = makeTrackingCode(random);
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    }
    for (const ch of "01OIL") expect(TRACKING_ALPHABET).not.toContain(ch);
  });

  it("normalise what people type", () => {
    expect(normaliseTrackingCode(" 7kq4 m2xp ")).toBe("7KQ4-M2XP");
    expect(normaliseTrackingCode("7KQ4-M2XP")).toBe("7KQ4-M2XP");
    expect(normaliseTrackingCode("7KQ4-M2X")).toBeNull();
    expect(normaliseTrackingCode("7KQ0-M2XP")).toBeNull();
  });
});
