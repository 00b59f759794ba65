"use client";

import { useTranslations } from "next-intl";
import type { CategoryChoice } from "@/lib/reports/list-categories";
import { answeredOnly, type ReportDraft, type Step } from "./report-draft";

/** The report as it will be sent, each part with a way back to change it. */
export function ReviewSummary({
  draft,
  placeLabel,
  category,
  onChange,
}: {
  draft: ReportDraft;
  placeLabel: string | null;
  category: CategoryChoice | undefined;
  onChange: (step: Step) => void;
}) {
  const t = useTranslations("report");
  const contact = [draft.contact.name, draft.contact.email, draft.contact.phone].filter(Boolean).join(", ");
  const answered = Object.keys(answeredOnly(draft.answers)).length;
  const rows: Array<{ step: Step; label: string; value: string }> = [
    {
      step: "place",
      label: t("reviewPlace"),
      value: draft.address.trim() || placeLabel || t("pinAtUnknown"),
    },
    { step: "category", label: t("reviewCategory"), value: category?.name ?? "" },
    {
      step: "details",
      label: t("reviewDetails"),
      value: [
        draft.description.trim() || t("noDescription"),
        t("photoCount", { count: draft.photos.length }),
        ...(answered > 0 ? [t("answerCount", { count: answered })] : []),
      ].join(" · "),
    },
    { step: "contact", label: t("reviewContact"), value: contact || t("noContact") },
  ];
  return (
    <div className="review">
      <dl>
        {rows.map((row) => (
          <div key={row.step} className="review-row">
            <dt>{row.label}</dt>
            <dd>
              <span>{row.value}</span>{" "}
              <button
                type="button"
                className="link"
                onClick={() => onChange(row.step)}
                aria-label={t("changeWhat", { what: row.label })}
              >
                {t("change")}
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <Previews photos={draft.photos} />
    </div>
  );
}

/** Thumbnails of the photos about to be sent. */
function Previews({ photos }: { photos: ReportDraft["photos"] }) {
  if (photos.length === 0) return null;
  return (
    <ul className="photo-previews">
      {photos.map((p) => (
        <li key={p.url}>
          {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL, not an optimisable asset */}
          <img src={p.url} alt="" width={64} height={64} />
        </li>
      ))}
    </ul>
  );
}
