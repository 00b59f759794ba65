"use client";

import type { Dispatch } from "react";
import { useTranslations } from "next-intl";
import type { CategoryChoice } from "@/lib/reports/list-categories";
import { PhotoInput } from "./PhotoInput";
import { QuestionFields } from "./QuestionFields";
import type { DraftAction, ReportDraft } from "./report-draft";

/**
 * Step 3 of the report flow: the category's promise and extra questions, an emergency stop when an
 * answer calls for one, photos, the description (optional with a photo) and the address in words.
 */
export function DetailsStep({
  draft,
  dispatch,
  category,
  stopNotice,
  placeLabel,
  maxDescription,
}: {
  draft: ReportDraft;
  dispatch: Dispatch<DraftAction>;
  category: CategoryChoice | undefined;
  stopNotice: string | undefined;
  placeLabel: string | null;
  maxDescription: number;
}) {
  const t = useTranslations("report");
  return (
    <div className="flow-body">
      {category ? (
        <p className="hint">
          <strong>{category.name}</strong> · {t("promise", { days: category.slaWorkingDays })}
        </p>
      ) : null}
      {category && category.questions.length > 0 ? (
        <QuestionFields
          questions={category.questions}
          answers={draft.answers}
          onChange={(answers) => dispatch({ type: "answers", answers })}
        />
      ) : null}
      {stopNotice ? (
        <div className="stop-notice" role="alert">
          <strong>{t("stopTitle")}</strong>
          <p>{stopNotice}</p>
        </div>
      ) : null}
      <PhotoInput
        photos={draft.photos}
        onChange={(photos) => dispatch({ type: "photos", photos })}
        onGps={() => undefined}
      />
      <label htmlFor="description">{t("description")}</label>
      <textarea
        id="description"
        rows={4}
        value={draft.description}
        maxLength={maxDescription}
        aria-describedby="description-hint description-count"
        onChange={(e) => dispatch({ type: "description", text: e.target.value })}
      />
      <p id="description-hint" className="hint">
        {t("descriptionHintOptional")}
      </p>
      <p id="description-count" className="hint">
        {t("charactersLeft", { count: maxDescription - draft.description.length })}
      </p>
      <label htmlFor="address">{t("describeLocation")}</label>
      <input
        id="address"
        value={draft.address}
        maxLength={200}
        placeholder={placeLabel ?? undefined}
        onChange={(e) => dispatch({ type: "address", text: e.target.value })}
      />
    </div>
  );
}
