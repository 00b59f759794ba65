import { describe, expect, it } from "vitest";
import { formatAddress } from "../../../lib/places/format-address";

describe("formatAddress", () => {
  it("shows a Cyrillic address in Latin on a Latin page without repeating the local community", () => {
    expect(
      formatAddress({ address: "Кнеза Милоша, Ћуприја – Југ", district: "Ćuprija – Jug", locale: "sr-Latn" }),
    ).toBe("Kneza Miloša, Ćuprija – Jug");
  });

  it("shows a Latin address in Cyrillic on a Cyrillic page", () => {
    expect(
      formatAddress({ address: "Kneza Miloša, Ćuprija – Jug", district: "Ћуприја – Југ", locale: "sr-Cyrl" }),
    ).toBe("Кнеза Милоша, Ћуприја – Југ");
  });

  it("adds the local community when the address does not name it, and copes with no address", () => {
    expect(formatAddress({ address: "Karađorđeva 12", district: "Centar", locale: "sr-Latn" })).toBe(
      "Karađorđeva 12, Centar",
    );
    expect(formatAddress({ address: null, district: "Centar", locale: "en" })).toBe("Centar");
    expect(formatAddress({ address: null, district: null, locale: "en" })).toBe("");
  });
});
