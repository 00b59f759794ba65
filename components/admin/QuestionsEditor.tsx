"use client";

import { useTranslations } from "next-intl";
import type { useAdminForm } from "./use-admin-form";

type Text = { "sr-Latn": string; en: string };
export type OptionValues = { value: string; label: Text; stop: Text };
export type QuestionValues = {
  code: string;
  type: (typeof types)[number];
  label: Text;
  required: boolean;
  options: OptionValues[];
};

const types = ["string", "number", "datetime", "text", "single_choice", "multiple_choice"] as const;
const blank: Text = { "sr-Latn": "", en: "" };
const isChoice = (type: string) => type === "single_choice" || type === "multiple_choice";

/** The category's extra questions as the API expects them: options only for choices, a stop notice only when written. */
export function questionsForApi(questions: QuestionValues[]) {
  return questions.map((q) => ({
    code: q.code,
    type: q.type,
    label: q.label,
    required: q.required,
    ...(isChoice(q.type)
      ? {
          options: q.options.map((o) => ({
            value: o.value,
            label: o.label,
            ...(o.stop["sr-Latn"] || o.stop.en ? { stop: o.stop } : {}),
          })),
        }
      : {}),
  }));
}

/** Edits the extra questions a category asks (the shapes lib/reports/questions.ts supports), with add, remove and reorder buttons. */
export function QuestionsEditor({
  questions,
  onChange,
  form,
}: {
  questions: QuestionValues[];
  onChange: (q: QuestionValues[]) => void;
  form: ReturnType<typeof useAdminForm>;
}) {
  const t = useTranslations("admin.questions");
  const setQ = (i: number, patch: Partial<QuestionValues>) =>
    onChange(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const setO = (i: number, k: number, patch: Partial<OptionValues>) =>
    setQ(i, { options: questions[i]!.options.map((o, j) => (j === k ? { ...o, ...patch } : o)) });
  const move = (i: number, by: number) => {
    const next = [...questions];
    const [q] = next.splice(i, 1);
    next.splice(i + by, 0, q!);
    onChange(next);
  };

  return (
    <fieldset className="questions-editor">
      <legend>{t("title")}</legend>
      <p className="hint">{t("hint")}</p>
      {questions.map((q, i) => {
        const p = `questions.${i}`;
        const id = `q${i}`;
        return (
          <fieldset key={i} className="question">
            <legend>{t("question", { n: i + 1 })}</legend>
            <label htmlFor={`${id}-code`}>{t("code")}</label>
            <input
              {...form.field(`${id}-code`, `${p}.code`)}
              value={q.code}
              onChange={(e) => setQ(i, { code: e.target.value })}
            />
            {form.fieldError(`${id}-code`, `${p}.code`)}
            <label htmlFor={`${id}-type`}>{t("type")}</label>
            <select
              id={`${id}-type`}
              value={q.type}
              onChange={(e) =>
                setQ(i, {
                  type: e.target.value as QuestionValues["type"],
                  options:
                    isChoice(e.target.value) && q.options.length === 0
                      ? [
                          { value: "", label: blank, stop: blank },
                          { value: "", label: blank, stop: blank },
                        ]
                      : q.options,
                })
              }
            >
              {types.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-label-sr`}>{t("labelSr")}</label>
            <input
              {...form.field(`${id}-label-sr`, `${p}.label.sr-Latn`)}
              value={q.label["sr-Latn"]}
              onChange={(e) => setQ(i, { label: { ...q.label, "sr-Latn": e.target.value } })}
            />
            {form.fieldError(`${id}-label-sr`, `${p}.label.sr-Latn`)}
            <label htmlFor={`${id}-label-en`}>{t("labelEn")}</label>
            <input
              {...form.field(`${id}-label-en`, `${p}.label.en`)}
              value={q.label.en}
              onChange={(e) => setQ(i, { label: { ...q.label, en: e.target.value } })}
            />
            {form.fieldError(`${id}-label-en`, `${p}.label.en`)}
            <label className="choice">
              <input
                type="checkbox"
                checked={q.required}
                onChange={(e) => setQ(i, { required: e.target.checked })}
              />
              <span>{t("required")}</span>
            </label>
            {isChoice(q.type) ? (
              <div className="options" role="group" aria-label={t("options")}>
                {form.fieldError(`${id}-options`, `${p}.options`, true)}
                {q.options.map((o, k) => {
                  const oid = `${id}-o${k}`;
                  return (
                    <fieldset key={k}>
                      <legend>{t("option", { n: k + 1 })}</legend>
                      <label htmlFor={`${oid}-value`}>{t("optionValue")}</label>
                      <input
                        {...form.field(`${oid}-value`, `${p}.options.${k}.value`)}
                        value={o.value}
                        onChange={(e) => setO(i, k, { value: e.target.value })}
                      />
                      {form.fieldError(`${oid}-value`, `${p}.options.${k}.value`)}
                      <label htmlFor={`${oid}-sr`}>{t("labelSr")}</label>
                      <input
                        {...form.field(`${oid}-sr`, `${p}.options.${k}.label.sr-Latn`)}
                        value={o.label["sr-Latn"]}
                        onChange={(e) => setO(i, k, { label: { ...o.label, "sr-Latn": e.target.value } })}
                      />
                      <label htmlFor={`${oid}-en`}>{t("labelEn")}</label>
                      <input
                        {...form.field(`${oid}-en`, `${p}.options.${k}.label.en`)}
                        value={o.label.en}
                        onChange={(e) => setO(i, k, { label: { ...o.label, en: e.target.value } })}
                      />
                      <label htmlFor={`${oid}-stop-sr`}>{t("stopSr")}</label>
                      <input
                        id={`${oid}-stop-sr`}
                        value={o.stop["sr-Latn"]}
                        onChange={(e) => setO(i, k, { stop: { ...o.stop, "sr-Latn": e.target.value } })}
                      />
                      <label htmlFor={`${oid}-stop-en`}>{t("stopEn")}</label>
                      <input
                        id={`${oid}-stop-en`}
                        value={o.stop.en}
                        onChange={(e) => setO(i, k, { stop: { ...o.stop, en: e.target.value } })}
                      />
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setQ(i, { options: q.options.filter((_, j) => j !== k) })}
                      >
                        {t("removeOption", { n: k + 1 })}
                      </button>
                    </fieldset>
                  );
                })}
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    setQ(i, { options: [...q.options, { value: "", label: blank, stop: blank }] })
                  }
                >
                  {t("addOption")}
                </button>
              </div>
            ) : null}
            <div className="row">
              <button type="button" className="secondary" disabled={i === 0} onClick={() => move(i, -1)}>
                {t("up", { n: i + 1 })}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={i === questions.length - 1}
                onClick={() => move(i, 1)}
              >
                {t("down", { n: i + 1 })}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => onChange(questions.filter((_, j) => j !== i))}
              >
                {t("remove", { n: i + 1 })}
              </button>
            </div>
          </fieldset>
        );
      })}
      {form.fieldError("questions", "questions", true)}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          onChange([...questions, { code: "", type: "string", label: blank, required: false, options: [] }])
        }
      >
        {t("add")}
      </button>
    </fieldset>
  );
}
