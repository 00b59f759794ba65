import { describe, expect, it } from "vitest";
import { checkAnswers, type CategoryQuestion } from "../../../lib/reports/questions";

const t = (s: string) => ({ "sr-Latn": s, "sr-Cyrl": s, en: s });
const questions: CategoryQuestion[] = [
  {
    code: "gas",
    type: "single_choice",
    required: true,
    label: t("Gas?"),
    options: [
      { value: "yes", label: t("Yes"), stop: t("Call 112") },
      { value: "no", label: t("No") },
    ],
  },
  { code: "nights", type: "number", required: false, label: t("Nights") },
  { code: "since", type: "datetime", required: false, label: t("Since") },
  {
    code: "what",
    type: "multiple_choice",
    required: false,
    label: t("What"),
    options: [
      { value: "a", label: t("A") },
      { value: "b", label: t("B") },
    ],
  },
  { code: "plate", type: "string", required: false, label: t("Plate") },
];

describe("category questions", () => {
  it("accepts well-typed answers", () => {
    expect(
      checkAnswers(questions, {
        gas: "no",
        nights: 3,
        since: "2026-11-01T20:00",
        what: ["a", "b"],
        plate: "JA 123-AB",
      }),
    ).toEqual([]);
  });

  it("stops the flow on an emergency answer", () => {
    expect(checkAnswers(questions, { gas: "yes" })).toEqual([
      { code: "gas", problem: "stop", notice: t("Call 112") },
    ]);
  });

  it("reports missing, mistyped and unknown answers", () => {
    expect(checkAnswers(questions, { nights: "three", since: "yesterday", what: ["c"], other: "x" })).toEqual(
      [
        { code: "gas", problem: "required" },
        { code: "nights", problem: "wrong_type" },
        { code: "since", problem: "wrong_type" },
        { code: "what", problem: "unknown_option" },
        { code: "other", problem: "unknown_option" },
      ],
    );
  });
});
