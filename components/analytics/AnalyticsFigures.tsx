import { getFormatter, getTranslations } from "next-intl/server";
import { BarChartFigure } from "@/components/charts/BarChartFigure";
import { chartPalette } from "@/components/charts/palette";
import { FigureTable } from "@/components/analytics/FigureTable";
import type { AnalyticsOverview } from "@/lib/analytics/get-analytics-overview";
import type { FigureName } from "@/lib/analytics/build-figure-table";

const TOP_CATEGORIES = 6;

/**
 * The workspace's charts, each with its data table and downloads (CSV of the numbers, SVG of the
 * chart). The printable summary shows the same sections without the download controls.
 */
export async function AnalyticsFigures({
  overview,
  query,
  print = false,
}: {
  overview: AnalyticsOverview;
  query: string;
  print?: boolean;
}) {
  const t = await getTranslations("analytics");
  const tChannel = await getTranslations("channel");
  const format = await getFormatter();
  const pct = (v: number | null) =>
    v === null ? "—" : format.number(v, { style: "percent", maximumFractionDigits: 0 });
  const num = (v: number | null) => (v === null ? "—" : format.number(v, { maximumFractionDigits: 1 }));

  const section = (
    figure: FigureName,
    title: string,
    chart: React.ReactNode,
    table: React.ReactNode,
    note?: string,
  ) => (
    <section className="figure" aria-labelledby={`figure-${figure}`} key={figure}>
      <h2 id={`figure-${figure}`}>{title}</h2>
      {note ? <p className="hint">{note}</p> : null}
      {chart}
      {table}
      {print ? null : (
        <p className="no-print">
          <a href={`/api/staff/analytics/figures?figure=${figure}&format=csv&${query}`} download>
            {t("downloadCsv", { title })}
          </a>
        </p>
      )}
    </section>
  );
  const svg = (figure: FigureName) =>
    print ? {} : { downloadLabel: t("downloadSvg"), fileName: `${figure}.svg` };

  // Volume: the busiest categories each get a series, the rest are added up as "other".
  const totals = new Map<string, { name: string; reports: number }>();
  for (const v of overview.volume) {
    const entry = totals.get(v.category) ?? { name: v.categoryName, reports: 0 };
    entry.reports += v.reports;
    totals.set(v.category, entry);
  }
  const top = [...totals.entries()].sort((a, b) => b[1].reports - a[1].reports).slice(0, TOP_CATEGORIES);
  const topCodes = new Set(top.map(([code]) => code));
  const hasOther = [...totals.keys()].some((code) => !topCodes.has(code));
  const volumeSeries = [
    ...top.map(([code, v], i) => ({
      key: code,
      label: v.name,
      color: chartPalette[i % chartPalette.length]!,
    })),
    ...(hasOther ? [{ key: "other", label: t("otherCategories"), color: "#999999" }] : []),
  ];
  const periods = [...new Set(overview.volume.map((v) => v.period))].sort();
  const volumeRows = periods.map((period) => {
    const row: Record<string, string | number> = { period };
    for (const s of volumeSeries) row[s.key] = 0;
    for (const v of overview.volume.filter((x) => x.period === period)) {
      const key = topCodes.has(v.category) ? v.category : "other";
      row[key] = Number(row[key]) + v.reports;
    }
    return row;
  });

  const districtRows = overview.districts.map((d) => ({
    name: d.name,
    reports: d.reports,
    per1000: d.per1000,
    population: d.population,
  }));
  const orgResolution = overview.resolution.byOrganisation.map((r) => ({
    name: r.name,
    resolved: r.resolved,
    median: r.medianHours,
    p90: r.p90Hours,
  }));
  const catResolution = overview.resolution.byCategory.map((r) => ({
    name: r.name,
    resolved: r.resolved,
    median: r.medianHours,
    p90: r.p90Hours,
  }));
  const onTimeRows = overview.onTime.map((r) => ({
    name: r.name,
    share: r.share,
    judged: r.judged,
    onTime: r.onTime,
  }));
  const backlogRows = overview.backlog.map((b) => ({
    band: t(`band_${b.band.replace("+", "plus").replace("-", "_")}`),
    open: b.open,
    overdue: b.overdue,
  }));
  const channelRows = overview.channels.map((c) => ({ channel: tChannel(c.channel), reports: c.reports }));
  const cc = overview.contactCentre;

  return (
    <div className="figures">
      {section(
        "districts",
        t("fig_districts"),
        <BarChartFigure
          label={t("fig_districts")}
          data={districtRows}
          xKey="name"
          series={[{ key: "reports", label: t("col_reports"), color: chartPalette[0]! }]}
          {...svg("districts")}
        />,
        <FigureTable
          caption={t("fig_districts")}
          columns={[
            { key: "name", label: t("col_district") },
            { key: "reports", label: t("col_reports"), numeric: true },
            { key: "population", label: t("col_population"), numeric: true },
            { key: "per1000", label: t("col_per1000"), numeric: true },
          ]}
          rows={districtRows.map((r) => ({ ...r, per1000: num(r.per1000), population: num(r.population) }))}
        />,
        t("note_districts"),
      )}
      {section(
        "volume",
        t("fig_volume"),
        volumeRows.length ? (
          <BarChartFigure
            label={t("fig_volume")}
            data={volumeRows}
            xKey="period"
            series={volumeSeries}
            stacked
            {...svg("volume")}
          />
        ) : (
          <p>{t("noData")}</p>
        ),
        <FigureTable
          caption={t("fig_volume")}
          columns={[
            { key: "period", label: t("col_periodStart") },
            ...volumeSeries.map((s) => ({ key: s.key, label: s.label, numeric: true })),
          ]}
          rows={volumeRows}
        />,
      )}
      {section(
        "resolution-by-organisation",
        t("fig_resolutionOrganisation"),
        orgResolution.length ? (
          <BarChartFigure
            label={t("fig_resolutionOrganisation")}
            data={orgResolution}
            xKey="name"
            series={[
              { key: "median", label: t("col_medianHours"), color: chartPalette[0]! },
              { key: "p90", label: t("col_p90Hours"), color: chartPalette[1]! },
            ]}
            {...svg("resolution-by-organisation")}
          />
        ) : (
          <p>{t("noData")}</p>
        ),
        <FigureTable
          caption={t("fig_resolutionOrganisation")}
          columns={[
            { key: "name", label: t("col_organisation") },
            { key: "resolved", label: t("col_resolved"), numeric: true },
            { key: "median", label: t("col_medianHours"), numeric: true },
            { key: "p90", label: t("col_p90Hours"), numeric: true },
          ]}
          rows={orgResolution.map((r) => ({ ...r, median: num(r.median), p90: num(r.p90) }))}
        />,
      )}
      {section(
        "resolution-by-category",
        t("fig_resolutionCategory"),
        catResolution.length ? (
          <BarChartFigure
            label={t("fig_resolutionCategory")}
            data={catResolution}
            xKey="name"
            series={[
              { key: "median", label: t("col_medianHours"), color: chartPalette[0]! },
              { key: "p90", label: t("col_p90Hours"), color: chartPalette[1]! },
            ]}
            {...svg("resolution-by-category")}
          />
        ) : (
          <p>{t("noData")}</p>
        ),
        <FigureTable
          caption={t("fig_resolutionCategory")}
          columns={[
            { key: "name", label: t("col_category") },
            { key: "resolved", label: t("col_resolved"), numeric: true },
            { key: "median", label: t("col_medianHours"), numeric: true },
            { key: "p90", label: t("col_p90Hours"), numeric: true },
          ]}
          rows={catResolution.map((r) => ({ ...r, median: num(r.median), p90: num(r.p90) }))}
        />,
      )}
      {section(
        "on-time",
        t("fig_onTime"),
        onTimeRows.length ? (
          <BarChartFigure
            label={t("fig_onTime")}
            data={onTimeRows}
            xKey="name"
            percent
            series={[{ key: "share", label: t("col_share"), color: chartPalette[2]! }]}
            {...svg("on-time")}
          />
        ) : (
          <p>{t("noData")}</p>
        ),
        <FigureTable
          caption={t("fig_onTime")}
          columns={[
            { key: "name", label: t("col_organisation") },
            { key: "judged", label: t("col_judged"), numeric: true },
            { key: "onTime", label: t("col_onTime"), numeric: true },
            { key: "share", label: t("col_share"), numeric: true },
          ]}
          rows={onTimeRows.map((r) => ({ ...r, share: pct(r.share) }))}
        />,
        t("note_onTime"),
      )}
      {section(
        "backlog",
        t("fig_backlog"),
        <BarChartFigure
          label={t("fig_backlog")}
          data={backlogRows}
          xKey="band"
          series={[
            { key: "open", label: t("col_open"), color: chartPalette[0]! },
            { key: "overdue", label: t("col_overdue"), color: chartPalette[3]! },
          ]}
          {...svg("backlog")}
        />,
        <FigureTable
          caption={t("fig_backlog")}
          columns={[
            { key: "band", label: t("col_age") },
            { key: "open", label: t("col_open"), numeric: true },
            { key: "overdue", label: t("col_overdue"), numeric: true },
          ]}
          rows={backlogRows}
        />,
        t("note_backlog"),
      )}
      {section(
        "contact-centre",
        t("fig_contactCentre"),
        <BarChartFigure
          label={t("fig_contactCentre")}
          data={[
            { name: t("cc_resolved"), share: cc.firstContactResolutionRate },
            { name: t("cc_forwarded"), share: cc.forwardingRate },
          ]}
          xKey="name"
          percent
          series={[{ key: "share", label: t("col_share"), color: chartPalette[4]! }]}
          height={200}
          {...svg("contact-centre")}
        />,
        <FigureTable
          caption={t("fig_contactCentre")}
          columns={[
            { key: "name", label: t("col_measure") },
            { key: "count", label: t("col_reports"), numeric: true },
            { key: "share", label: t("col_share"), numeric: true },
          ]}
          rows={[
            { name: t("cc_received"), count: cc.received, share: "—" },
            {
              name: t("cc_resolved"),
              count: cc.resolvedAtFirstContact,
              share: pct(cc.firstContactResolutionRate),
            },
            { name: t("cc_forwarded"), count: cc.forwarded, share: pct(cc.forwardingRate) },
          ]}
        />,
        t("note_contactCentre"),
      )}
      {section(
        "channels",
        t("fig_channels"),
        <BarChartFigure
          label={t("fig_channels")}
          data={channelRows}
          xKey="channel"
          series={[{ key: "reports", label: t("col_reports"), color: chartPalette[5]! }]}
          height={200}
          {...svg("channels")}
        />,
        <FigureTable
          caption={t("fig_channels")}
          columns={[
            { key: "channel", label: t("col_channel") },
            { key: "reports", label: t("col_reports"), numeric: true },
          ]}
          rows={channelRows}
        />,
      )}
    </div>
  );
}
