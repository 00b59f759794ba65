import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AnalyticsFigures } from "@/components/analytics/AnalyticsFigures";
import { DistrictMapSnapshot } from "@/components/analytics/DistrictMapSnapshot";
import { FigureTable } from "@/components/analytics/FigureTable";
import { KeyFigures } from "@/components/analytics/KeyFigures";
import { PrintButton } from "@/components/analytics/PrintButton";
import { Forbidden } from "@/components/staff/Forbidden";
import { drawDistrictMap } from "@/lib/analytics/draw-district-map";
import { inStaffScope, staffWithPermission } from "@/lib/auth/session";
import { loadAnalyticsPage } from "../load-analytics-page";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics"))("summaryTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function AnalyticsSummaryContent({ searchParams }: Props) {
  const user = await staffWithPermission("analytics.view");
  if (!user) return <Forbidden />;
  const t = await getTranslations("analytics");
  const tErrors = await getTranslations("errors");
  const now = new Date();
  const page = await loadAnalyticsPage({ user, searchParams: await searchParams, now });
  const drawing = await drawDistrictMap({ db: page.db, municipalityId: page.municipalityId });
  return (
    <main id="main" className="page analytics-summary">
      <p className="no-print">
        <Link href={`/staff/analytics?${page.query}&layer=${page.filters.layer}`}>
          {t("backToWorkspace")}
        </Link>{" "}
        <PrintButton label={t("print")} />
      </p>
      <h1>{t("summaryTitle")}</h1>
      {page.filterError ? (
        <p role="alert" className="form-error">
          {tErrors(page.filterError.key as never, { fields: page.filterError.fields } as never)}{" "}
          {t("showingDefaults")}
        </p>
      ) : null}
      <p>{t("periodShown", { from: page.filters.from, to: page.filters.to })}</p>
      <KeyFigures figures={page.overview.key} />
      <section className="figure" aria-labelledby="snapshot-title">
        <h2 id="snapshot-title">{t("mapSnapshot")}</h2>
        <DistrictMapSnapshot drawing={drawing} counts={page.overview.districts} label={t("mapSnapshot")} />
      </section>
      <section className="figure" aria-labelledby="summary-hotspots">
        <h2 id="summary-hotspots">{t("hotspotsTitle")}</h2>
        {page.overview.hotspots.length === 0 ? (
          <p>{t("hotspotsNone")}</p>
        ) : (
          <FigureTable
            caption={t("hotspotsTitle")}
            columns={[
              { key: "rank", label: t("col_rank") },
              { key: "reports", label: t("col_reports"), numeric: true },
              { key: "previous", label: t("col_previous"), numeric: true },
              { key: "categories", label: t("col_mainCategories") },
            ]}
            rows={page.overview.hotspots.slice(0, 10).map((h) => ({
              rank: h.rank,
              reports: h.reports,
              previous: h.previousReports,
              categories: h.categories.map((c) => `${c.name} (${c.reports})`).join(", "),
            }))}
          />
        )}
      </section>
      <AnalyticsFigures overview={page.overview} query={page.query} print />
      <p className="hint">{t("generatedAt", { at: now.toISOString().slice(0, 16).replace("T", " ") })}</p>
    </main>
  );
}

/**
 * The summary for council meetings: key figures, a district map, hotspots and the charts, styled to
 * print on A4; counted under the staff member's access policy, as the workspace is.
 */
export default async function AnalyticsSummaryPage(...args: Parameters<typeof AnalyticsSummaryContent>) {
  return inStaffScope(() => AnalyticsSummaryContent(...args));
}
