import { getFormatter, getTranslations } from "next-intl/server";
import type { KeyFigures as Figures } from "@/lib/analytics/measure-key-figures";
import { formatChange } from "./format-change";

/** The headline numbers of the filtered reports, with the change against the previous period. */
export async function KeyFigures({ figures }: { figures: Figures }) {
  const t = await getTranslations("analytics");
  const format = await getFormatter();
  const change =
    figures.previousReports > 0
      ? (figures.reports - figures.previousReports) / figures.previousReports
      : null;
  return (
    <dl className="key-figures" aria-label={t("keyFigures")}>
      <div>
        <dt>{t("kf_reports")}</dt>
        <dd data-testid="kf-reports">{format.number(figures.reports)}</dd>
        <dd className="hint">
          {change === null
            ? t("kf_noPrevious")
            : t("kf_change", { change: formatChange(change), previous: figures.previousReports })}
        </dd>
      </div>
      <div>
        <dt>{t("kf_resolved")}</dt>
        <dd>{format.number(figures.resolved)}</dd>
      </div>
      <div>
        <dt>{t("kf_openNow")}</dt>
        <dd>{format.number(figures.openNow)}</dd>
        <dd className="hint">{t("kf_overdue", { count: figures.overdueNow })}</dd>
      </div>
      <div>
        <dt>{t("kf_median")}</dt>
        <dd>
          {figures.medianResolutionHours === null
            ? "—"
            : t("hours", {
                hours: format.number(figures.medianResolutionHours, { maximumFractionDigits: 1 }),
              })}
        </dd>
      </div>
    </dl>
  );
}
