import { describe, expect, it } from "vitest";
import { fillResponseTemplate } from "../../../lib/templates/fill-response-template";

const template = {
  id: 1,
  title: "Popravljeno",
  body: { "sr-Latn": "Kvar je otklonjen.", "sr-Cyrl": "Квар је отклоњен.", en: "The fault is fixed." },
  setsStatus: "resolved",
};

describe("fillResponseTemplate", () => {
  it("fills the message in the page's language and sets the template's status when it is open", () => {
    expect(
      fillResponseTemplate({ template, locale: "sr-Cyrl", transitions: ["in_progress", "resolved"] }),
    ).toEqual({
      publicText: "Квар је отклоњен.",
      to: "resolved",
    });
  });

  it("leaves the status alone when the template's status is not open to the report", () => {
    expect(fillResponseTemplate({ template, locale: "en", transitions: ["triaged"] })).toEqual({
      publicText: "The fault is fixed.",
      to: null,
    });
  });

  it("falls back to Serbian Latin when a language is empty", () => {
    const partial = { ...template, body: { ...template.body, en: "" }, setsStatus: null };
    expect(fillResponseTemplate({ template: partial, locale: "en", transitions: [] }).publicText).toBe(
      "Kvar je otklonjen.",
    );
  });
});
