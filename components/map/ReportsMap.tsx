"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { MAX_BBOX_SQUARE_DEGREES } from "@/lib/geo/bbox-limits";
import { bboxParam, parseMapView, viewBounds, type Bounds } from "@/lib/map/map-view";
import { useMapSettings } from "./MapSettings";
import { mountReportsMap, type ReportsMapHandle } from "./mount-reports-map";
import { ReportList, type ListedReport } from "./ReportList";
import { ReportsWithoutMap } from "./ReportsWithoutMap";
import { useMapViewUrl } from "./use-map-view-url";
import { useMapChoice } from "./use-map-choice";
import { useWebGL } from "./webgl-support";

type Props = {
  municipalityCode: string;
  bbox: Bounds;
  label: string;
  /** The filters as query parameters, passed on to the data requests. */
  filterQuery?: string;
  /** "lng,lat,zoom" from the page's URL: where the map opens. */
  initialView?: string | null;
  /** Category names by service code, for popups (tiles carry only the code). */
  categoryNames?: Record<string, string>;
  /** A light picture of the area (MunicipalityOverview) that phones show until the map is asked for. */
  overview?: ReactNode;
  /** The reports of `bbox` with these filters, when the page sent them along (no first fetch). */
  initialList?: { reports: ListedReport[]; truncated: boolean; limit: number };
};

type ListState =
  | { kind: "loading" }
  | { kind: "shown"; key: string; reports: ListedReport[]; truncated: boolean; limit: number }
  | { kind: "error"; key: string };

const boundsKey = (bounds: Bounds) => bboxParam(bounds);

/**
 * The public map and the reports in view. The list comes first (it needs no map code); the map
 * itself starts once it is on screen and the browser is idle (mount-reports-map.ts). Wide screens
 * show both side by side; phones switch between them and open on the list with a light overview,
 * loading the map's code only when the reader asks for the map (remembered: lib/map/map-choice.ts).
 */
export function ReportsMap({
  municipalityCode,
  bbox,
  label,
  filterQuery = "",
  initialView,
  categoryNames = {},
  overview,
  initialList,
}: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const { styleUrl, styleTimeoutMs } = useMapSettings();
  const writeView = useMapViewUrl();
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const handleRef = useRef<ReportsMapHandle | null>(null);
  // Until the map reports its own area: the linked view in a typical frame, or the municipality.
  const [bounds, setBounds] = useState<Bounds>(() => {
    const view = parseMapView(initialView);
    return view ? viewBounds(view, 960, 640) : bbox;
  });
  const [list, setList] = useState<ListState>(() =>
    initialList && !parseMapView(initialView)
      ? { kind: "shown", key: boundsKey(bbox), ...initialList }
      : { kind: "loading" },
  );
  const [mapStarted, setMapStarted] = useState(false);
  const [mapPending, setMapPending] = useState(true);
  const [permits, setPermits] = useState<number | null>(null);
  const [fallback, setFallback] = useState(false);
  // Completed map loads, so that a test (or a screen reader hint) can tell a new view has been drawn.
  const [loads, setLoads] = useState(0);
  const [showPermits, setShowPermits] = useState(true);
  const { wide, choice, mapWanted, choose } = useMapChoice("civic.homeMap", {
    linkedView: Boolean(initialView),
  });
  // Before the width is known (server, hydration) phones' default: the list.
  const mode = choice ?? "list";
  // Checked once the map is wanted: a phone on its list makes no WebGL context.
  const webgl = useWebGL(mapWanted);
  const texts = useRef({ t, format, categoryNames, router });
  useEffect(() => {
    texts.current = { t, format, categoryNames, router };
  });

  // The list of the area in view: fetched by the page, whether or not the map has loaded.
  const key = boundsKey(bounds);
  const [west, south, east, north] = bounds;
  // Zoomed out past what the list may ask for: the map still shows its clusters.
  const tooLarge = (east - west) * (north - south) > MAX_BBOX_SQUARE_DEGREES;
  const sentAlong = useRef(list.kind === "shown" ? list.key : null);
  useEffect(() => {
    if (tooLarge) return;
    // The page's own list of this area is already shown; a later move of the map fetches.
    if (sentAlong.current === key) {
      sentAlong.current = null;
      return;
    }
    const controller = new AbortController();
    fetch(`/api/reports?bbox=${key}${filterQuery ? `&${filterQuery}` : ""}`, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = await response.json();
        setList({
          kind: "shown",
          key,
          reports: body.features.map((f: { properties: ListedReport }) => f.properties),
          truncated: Boolean(body.truncated),
          limit: Number(body.limit),
        });
      })
      .catch(() => !controller.signal.aborted && setList({ kind: "error", key }));
    return () => controller.abort();
  }, [key, filterQuery, tooLarge]);

  useEffect(() => {
    if (!webgl || !mapWanted || !container.current) return;
    const controller = new AbortController();
    void mountReportsMap({
      signal: controller.signal,
      container: container.current,
      municipalityCode,
      bbox,
      initialView: parseMapView(initialView),
      label,
      styleUrl,
      styleTimeoutMs,
      filterQuery,
      texts: () => ({
        t: (k, values) => texts.current.t(k as never, values as never),
        date: (iso) => texts.current.format.dateTime(new Date(iso), { dateStyle: "medium" }),
        categoryNames: texts.current.categoryNames,
      }),
      onView: (next, view) => {
        setMapPending(true);
        setBounds((current) => (boundsKey(current) === boundsKey(next) ? current : next));
        writeView(view);
      },
      onOpenConsultation: (url) => texts.current.router.push(url),
      onDrawn: (count) => {
        setPermits(count);
        setMapPending(false);
        setLoads((n) => n + 1);
      },
    })
      .then((handle) => {
        if (!handle) return;
        handleRef.current = handle;
        setFallback(handle.fallback);
        setMapStarted(true);
      })
      .catch(() => setList((current) => ("key" in current ? { kind: "error", key: current.key } : current)));
    return () => {
      controller.abort();
      handleRef.current?.remove();
      handleRef.current = null;
    };
    // The initial view is read once; later moves write it, they do not re-create the map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [webgl, mapWanted, municipalityCode, bbox, label, styleUrl, styleTimeoutMs, filterQuery]);

  useEffect(() => handleRef.current?.setPermitsVisible(showPermits), [showPermits, mapStarted]);
  // Back from the list on a phone, the map takes its frame again.
  useEffect(() => {
    if (mode === "map") handleRef.current?.resize();
  }, [mode]);

  if (!webgl) {
    return <ReportsWithoutMap municipalityCode={municipalityCode} bbox={bbox} filterQuery={filterQuery} />;
  }
  const listReady = tooLarge || (list.kind !== "loading" && list.key === key);
  const ready = listReady && mapStarted && !mapPending;
  return (
    <div
      className="map-section"
      data-state={ready ? "ready" : "loading"}
      data-loads={loads}
      data-basemap={fallback ? "fallback" : "remote"}
      data-mode={mode}
      data-map={mapWanted ? "wanted" : "not-loaded"}
      data-screen={wide === null ? undefined : wide ? "wide" : "phone"}
    >
      <div className="map-toggle" role="group" aria-label={t("home.viewChoice")}>
        {(["map", "list"] as const).map((m) => (
          <button
            key={m}
            type="button"
            className="secondary"
            aria-pressed={mode === m}
            onClick={() => choose(m)}
          >
            {t(m === "map" ? "home.showMap" : "home.showList")}
          </button>
        ))}
      </div>
      <div className="map-frame">
        <label className="choice permits-toggle">
          <input
            type="checkbox"
            checked={showPermits}
            onChange={(e) => setShowPermits(e.target.checked)}
            data-testid="permits-toggle"
          />
          <span>{t("home.showPermits")}</span>
        </label>
        {/* MapLibre makes its canvas the focusable, labelled region (Map.Title). */}
        <div ref={container} className="map" />
        <p className="map-status" aria-live="polite">
          {tooLarge
            ? t("errors.bboxTooLarge")
            : list.kind === "loading" || !listReady
              ? t("home.loading")
              : list.kind === "shown"
                ? t("home.shown", { reports: list.reports.length, permits: permits ?? 0 })
                : t("home.loadError")}
          {!tooLarge && listReady && list.kind === "shown" && list.truncated ? (
            <> {t("home.truncated", { limit: list.limit })}</>
          ) : null}
        </p>
        {fallback ? <p className="map-note">{t("home.fallbackBasemap")}</p> : null}
      </div>
      {overview && !mapWanted ? (
        <div className="map-overview">
          <button type="button" className="overview-button" onClick={() => choose("map")}>
            {overview}
            <span className="overview-cta">{t("home.showTheMap")}</span>
          </button>
          <p className="hint">{t("home.mapOnDemand")}</p>
        </div>
      ) : null}
      <ReportList reports={tooLarge ? [] : list.kind === "shown" && listReady ? list.reports : null} />
    </div>
  );
}
