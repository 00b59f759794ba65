import type { LocalizedText } from "../i18n/config";

/**
 * Extra questions a category asks, defined in data. An option may carry `stop`: choosing it ends
 * the flow with that notice instead of filing a report ("a gas smell: call 112 now").
 */
export type QuestionType = "string" | "number" | "datetime" | "text" | "single_choice" | "multiple_choice";

export type QuestionOption = { value: string; label: LocalizedText; stop?: LocalizedText };

export type CategoryQuestion = {
  code: string;
  type: QuestionType;
  label: LocalizedText;
  required: boolean;
  options?: QuestionOption[];
};

export type Answers = Record<string, string | number | string[]>;

export type AnswerProblem =
  | { code: string; problem: "required" | "wrong_type" | "unknown_option" | "too_long" }
  | { code: string; problem: "stop"; notice: LocalizedText };

const MAX_ANSWER = 500;

/** Checks answers against the questions; returns every problem found (empty when all is well). */
export function checkAnswers(questions: readonly CategoryQuestion[], answers: Answers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const q of questions) {
    const value = answers[q.code];
    const empty = value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (q.required) problems.push({ code: q.code, problem: "required" });
      continue;
    }
    switch (q.type) {
      case "string":
      case "text":
        if (typeof value !== "string") problems.push({ code: q.code, problem: "wrong_type" });
        else if (value.length > (q.type === "string" ? 200 : MAX_ANSWER * 4))
          problems.push({ code: q.code, problem: "too_long" });
        break;
      case "number":
        if (typeof value !== "number" || !Number.isFinite(value))
          problems.push({ code: q.code, problem: "wrong_type" });
        break;
      case "datetime":
        if (typeof value !== "string" || Number.isNaN(Date.parse(value)))
          problems.push({ code: q.code, problem: "wrong_type" });
        break;
      case "single_choice": {
        const option = q.options?.find((o) => o.value === value);
        if (typeof value !== "string" || !option) problems.push({ code: q.code, problem: "unknown_option" });
        else if (option.stop) problems.push({ code: q.code, problem: "stop", notice: option.stop });
        break;
      }
      case "multiple_choice": {
        if (!Array.isArray(value)) {
          problems.push({ code: q.code, problem: "wrong_type" });
          break;
        }
        const chosen = value.map((v) => q.options?.find((o) => o.value === v));
        if (chosen.some((o) => !o)) problems.push({ code: q.code, problem: "unknown_option" });
        const stop = chosen.find((o) => o?.stop);
        if (stop?.stop) problems.push({ code: q.code, problem: "stop", notice: stop.stop });
        break;
      }
    }
  }
  for (const code of Object.keys(answers)) {
    if (!questions.some((q) => q.code === code)) problems.push({ code, problem: "unknown_option" });
  }
  return problems;
}
