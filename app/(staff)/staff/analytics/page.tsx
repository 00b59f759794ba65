import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AnalyticsFigures } from "@/components/analytics/AnalyticsFigures";
import { AnalyticsFilterForm } from "@/components/analytics/AnalyticsFilterForm";
import { AnalyticsMap } from "@/components/analytics/AnalyticsMap";
import { ExportPanel } from "@/components/analytics/ExportPanel";
import { KeyFigures } from "@/components/analytics/KeyFigures";
import { Forbidden } from "@/components/staff/Forbidden";
import { listFilterChoices } from "@/lib/analytics/list-filter-choices";
import { inStaffScope, staffWithPermission } from "@/lib/auth/session";
import { getMunicipalityById } from "@/lib/places/get-municipality";
import { loadAnalyticsPage } from "./load-analytics-page";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function AnalyticsPageContent({ searchParams }: Props) {
  const user = await staffWithPermission("analytics.view");
  if (!user) return <Forbidden />;
  const t = await getTranslations("analytics");
  const tErrors = await getTranslations("errors");
  const now = new Date();
  const page = await loadAnalyticsPage({ user, searchParams: await searchParams, now });
  const choices = await listFilterChoices({
    db: page.db,
    municipalityId: page.municipalityId,
    locale: page.locale,
  });
  const municipality = await getMunicipalityById({ db: page.db, id: page.municipalityId });
  return (
    <main id="main" className="page analytics">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      {page.filterError ? (
        <p role="alert" className="form-error">
          {tErrors(page.filterError.key as never, { fields: page.filterError.fields } as never)}{" "}
          {t("showingDefaults")}
        </p>
      ) : null}
      <div className="analytics-layout">
        <AnalyticsFilterForm filters={page.filters} {...choices} now={now} />
        <div className="analytics-main">
          <p>
            {t("periodShown", { from: page.filters.from, to: page.filters.to })}{" "}
            <Link href={`/staff/analytics/summary?${page.query}`}>{t("printableSummary")}</Link>
          </p>
          <KeyFigures figures={page.overview.key} />
          {municipality ? (
            <AnalyticsMap
              query={page.query}
              initialLayer={page.filters.layer}
              hotspots={page.overview.hotspots}
              municipalityCode={municipality.code}
              bbox={municipality.bbox}
            />
          ) : null}
          <ExportPanel query={page.query} />
        </div>
      </div>
      <AnalyticsFigures overview={page.overview} query={page.query} />
    </main>
  );
}

/** Every figure is counted under the staff member's access policy, as the analytics API counts it. */
export default async function AnalyticsPage(...args: Parameters<typeof AnalyticsPageContent>) {
  return inStaffScope(() => AnalyticsPageContent(...args));
}
