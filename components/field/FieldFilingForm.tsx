"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { QuestionFields, type AnswerValue } from "@/components/forms/QuestionFields";
import type { CategoryGroupChoice } from "@/lib/reports/list-categories";
import type { QueueEntry } from "./offline-store";

/**
 * A problem the crew finds on the spot, filed at their position with photos. It joins the queue
 * with a submission key, so it is filed once however many times the phone has to send it, and
 * works the same with no connection (the categories come with the stored list).
 */
export function FieldFilingForm({
  position,
  categories,
  onQueue,
  onLocate,
}: {
  position: [number, number] | null;
  categories: CategoryGroupChoice[];
  onQueue: (entry: QueueEntry) => Promise<void>;
  /** Asks for the crew's position (only when they file from the spot or sort by distance). */
  onLocate: () => void;
}) {
  const t = useTranslations();
  const id = useId();
  const [serviceCode, setServiceCode] = useState("");
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [queued, setQueued] = useState(false);

  const category = categories.flatMap((g) => g.categories).find((c) => c.serviceCode === serviceCode);
  if (!position)
    return (
      <div className="field-report">
        <p className="hint">{t("field.newNeedsLocation")}</p>
        <button type="button" onClick={onLocate}>
          {t("field.locate")}
        </button>
      </div>
    );

  return (
    <form
      className="field-report"
      onSubmit={async (e) => {
        e.preventDefault();
        const formElement = e.currentTarget;
        const form = new FormData(formElement);
        const key = crypto.randomUUID();
        await onQueue({
          kind: "file",
          key,
          createdAt: Date.now(),
          state: "pending",
          categoryName: category?.name ?? serviceCode,
          data: {
            serviceCode,
            position,
            description: String(form.get("description") ?? ""),
            answers,
            submissionKey: key,
          },
          photos: form.getAll("photos").filter((f): f is File => f instanceof File && f.size > 0),
        });
        formElement.reset();
        setServiceCode("");
        setAnswers({});
        setQueued(true);
      }}
    >
      {queued ? (
        <p role="status" className="banner success">
          {t("field.filingQueued")}
        </p>
      ) : null}
      <label htmlFor={`${id}-category`}>{t("field.category")}</label>
      <select
        id={`${id}-category`}
        value={serviceCode}
        onChange={(e) => (setServiceCode(e.target.value), setAnswers({}), setQueued(false))}
        required
      >
        <option value="">{t("field.chooseCategory")}</option>
        {categories.map((g) => (
          <optgroup key={g.code} label={g.name}>
            {g.categories.map((c) => (
              <option key={c.serviceCode} value={c.serviceCode}>
                {c.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {category && category.questions.length > 0 ? (
        <QuestionFields questions={category.questions} answers={answers} onChange={setAnswers} />
      ) : null}
      <label htmlFor={`${id}-description`}>{t("field.description")}</label>
      <textarea id={`${id}-description`} name="description" rows={3} maxLength={4000} required />
      <label htmlFor={`${id}-photos`}>{t("field.photos")}</label>
      <input id={`${id}-photos`} name="photos" type="file" accept="image/*" capture="environment" multiple />
      <button type="submit">{t("field.file")}</button>
    </form>
  );
}
