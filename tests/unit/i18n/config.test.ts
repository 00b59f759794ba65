import { describe, expect, it } from "vitest";
import { localized, negotiateLocale } from "../../../lib/i18n/config";

describe("locale negotiation", () => {
  it.each([
    [null, "sr-Latn"],
    ["sr-RS,sr;q=0.9", "sr-Cyrl"],
    ["sr-Latn-RS,en;q=0.5", "sr-Latn"],
    ["hr-HR", "sr-Latn"],
    ["en-GB,en;q=0.9", "en"],
    ["de-DE,en;q=0.3", "en"],
    ["fr-FR", "sr-Latn"],
    ["en;q=0.2,sr;q=0.8", "sr-Cyrl"],
  ])("%s → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("falls back to Serbian Latin when a translation is missing", () => {
    expect(localized({ "sr-Latn": "Voda", "sr-Cyrl": "", en: "" }, "en")).toBe("Voda");
  });
});

describe("stored names in the reader's script", () => {
  it("transliterates Serbian entered in one script for readers of the other, never showing the wrong script", () => {
    const latinOnly = { "sr-Latn": "JKP Vodovod Ćuprija", "sr-Cyrl": "", en: "" };
    expect(localized(latinOnly, "sr-Cyrl")).toBe("ЈКП Водовод Ћуприја");
    expect(localized(latinOnly, "en")).toBe("JKP Vodovod Ćuprija");
    const cyrillicOnly = { "sr-Latn": "", "sr-Cyrl": "Комунална инспекција", en: "" };
    expect(localized(cyrillicOnly, "sr-Latn")).toBe("Komunalna inspekcija");
    expect(localized(cyrillicOnly, "en")).toBe("Komunalna inspekcija");
    expect(localized({ "sr-Latn": "Rupa", "sr-Cyrl": "Рупа", en: "Pothole" }, "sr-Cyrl")).toBe("Рупа");
  });
});
