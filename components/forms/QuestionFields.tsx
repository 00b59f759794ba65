"use client";

import { useTranslations } from "next-intl";
import type { LocalizedQuestion } from "@/lib/reports/list-categories";

export type AnswerValue = string | number | string[];

/** A category's extra questions, rendered from their definition in data. */
export function QuestionFields({
  questions,
  answers,
  onChange,
}: {
  questions: LocalizedQuestion[];
  answers: Record<string, AnswerValue>;
  onChange: (answers: Record<string, AnswerValue>) => void;
}) {
  const t = useTranslations("report");
  const set = (code: string, value: AnswerValue) => onChange({ ...answers, [code]: value });
  return (
    <fieldset className="questions">
      <legend>{t("questions")}</legend>
      {questions.map((q) => {
        const id = `q-${q.code}`;
        const label = (
          <>
            {q.label}
            {q.required ? <span className="required"> ({t("required")})</span> : null}
          </>
        );
        switch (q.type) {
          case "single_choice":
            return (
              <fieldset key={q.code} className="question">
                <legend>{label}</legend>
                {q.options?.map((o) => (
                  <label key={o.value} className="choice">
                    <input
                      type="radio"
                      name={id}
                      value={o.value}
                      checked={answers[q.code] === o.value}
                      onChange={() => set(q.code, o.value)}
                      required={q.required}
                    />
                    <span>{o.label}</span>
                  </label>
                ))}
              </fieldset>
            );
          case "multiple_choice": {
            const chosen = (answers[q.code] as string[] | undefined) ?? [];
            return (
              <fieldset key={q.code} className="question">
                <legend>{label}</legend>
                {q.options?.map((o) => (
                  <label key={o.value} className="choice">
                    <input
                      type="checkbox"
                      value={o.value}
                      checked={chosen.includes(o.value)}
                      onChange={(e) =>
                        set(
                          q.code,
                          e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value),
                        )
                      }
                    />
                    <span>{o.label}</span>
                  </label>
                ))}
              </fieldset>
            );
          }
          case "text":
            return (
              <div key={q.code} className="question">
                <label htmlFor={id}>{label}</label>
                <textarea
                  id={id}
                  rows={3}
                  maxLength={2_000}
                  value={(answers[q.code] as string) ?? ""}
                  onChange={(e) => set(q.code, e.target.value)}
                  required={q.required}
                />
              </div>
            );
          case "number":
            return (
              <div key={q.code} className="question">
                <label htmlFor={id}>{label}</label>
                <input
                  id={id}
                  type="number"
                  inputMode="numeric"
                  value={answers[q.code] === undefined ? "" : String(answers[q.code])}
                  onChange={(e) => set(q.code, e.target.value === "" ? "" : Number(e.target.value))}
                  required={q.required}
                />
              </div>
            );
          case "datetime":
            return (
              <div key={q.code} className="question">
                <label htmlFor={id}>{label}</label>
                <input
                  id={id}
                  type="datetime-local"
                  value={(answers[q.code] as string) ?? ""}
                  onChange={(e) => set(q.code, e.target.value)}
                  required={q.required}
                />
              </div>
            );
          case "string":
            return (
              <div key={q.code} className="question">
                <label htmlFor={id}>{label}</label>
                <input
                  id={id}
                  maxLength={200}
                  value={(answers[q.code] as string) ?? ""}
                  onChange={(e) => set(q.code, e.target.value)}
                  required={q.required}
                />
              </div>
            );
        }
      })}
    </fieldset>
  );
}
