"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { PlaceSearch } from "@/components/forms/PlaceSearch";
import { MapUnavailable } from "./MapUnavailable";
import { ReportList, type ListedReport } from "./ReportList";

type Area = { code: string; name: string; bbox: [number, number, number, number] };
/** Around a found street or place: about 600 m each way. */
const AROUND_DEGREES = 0.006;

function boundsOf(coordinates: unknown): [number, number, number, number] {
  const flat = (coordinates as number[][][][]).flat(3) as unknown as number[];
  let west = Infinity,
    south = Infinity,
    east = -Infinity,
    north = -Infinity;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    west = Math.min(west, flat[i]!);
    east = Math.max(east, flat[i]!);
    south = Math.min(south, flat[i + 1]!);
    north = Math.max(north, flat[i + 1]!);
  }
  return [west, south, east, north];
}

/**
 * The public map's content without a map, for browsers with WebGL off: a notice, then the reports
 * in an area the reader chooses by local community or by searching a street, with the page's
 * filters, a page at a time, each with its place.
 */
export function ReportsWithoutMap({
  municipalityCode,
  bbox,
  filterQuery,
}: {
  municipalityCode: string;
  bbox: [number, number, number, number];
  filterQuery: string;
}) {
  const t = useTranslations();
  const [areas, setAreas] = useState<Area[]>([]);
  const [area, setArea] = useState<[number, number, number, number]>(bbox);
  const [areaLabel, setAreaLabel] = useState<string>("");
  const [reports, setReports] = useState<ListedReport[] | null>(null);

  useEffect(() => {
    fetch(`/api/municipalities/${encodeURIComponent(municipalityCode)}/areas`)
      .then((r) => (r.ok ? r.json() : { features: [] }))
      .then(
        (collection: {
          features: Array<{
            properties: { layer: string; code: string; name: string };
            geometry: { coordinates: unknown };
          }>;
        }) =>
          setAreas(
            collection.features
              .filter((f) => f.properties.layer === "district")
              .map((f) => ({
                code: f.properties.code,
                name: f.properties.name,
                bbox: boundsOf(f.geometry.coordinates),
              }))
              .sort((a, b) => a.name.localeCompare(b.name)),
          ),
      )
      .catch(() => setAreas([]));
  }, [municipalityCode]);

  useEffect(() => {
    let cancelled = false;
    const query = `bbox=${area.map((v) => v.toFixed(6)).join(",")}${filterQuery ? `&${filterQuery}` : ""}`;
    fetch(`/api/reports?${query}`)
      .then((r) => (r.ok ? r.json() : { features: [] }))
      .then((collection: { features: Array<{ properties: ListedReport }> }) => {
        if (cancelled) return;
        setReports(collection.features.map((f) => f.properties));
      })
      .catch(() => !cancelled && setReports([]));
    return () => {
      cancelled = true;
    };
  }, [area, filterQuery]);

  return (
    <div
      className="map-section without-map"
      data-state={reports ? "ready" : "loading"}
      data-testid="reports-without-map"
    >
      <MapUnavailable message={t("noMap.notice")} />
      <div className="without-map-area">
        <label htmlFor="without-map-district">{t("noMap.district")}</label>
        <select
          id="without-map-district"
          onChange={(e) => {
            const chosen = areas.find((a) => a.code === e.target.value);
            setArea(chosen ? chosen.bbox : bbox);
            setAreaLabel(chosen ? chosen.name : "");
          }}
        >
          <option value="">{t("noMap.wholeMunicipality")}</option>
          {areas.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
        <PlaceSearch
          onPick={([lng, lat]) => {
            setArea([
              lng - AROUND_DEGREES,
              lat - AROUND_DEGREES / 1.4,
              lng + AROUND_DEGREES,
              lat + AROUND_DEGREES / 1.4,
            ]);
            setAreaLabel(t("noMap.aroundPlace"));
          }}
        />
      </div>
      <ReportList
        reports={reports}
        summary={
          <p aria-live="polite" data-testid="without-map-count">
            {reports === null
              ? t("home.loading")
              : t("noMap.count", { count: reports.length, area: areaLabel || t("noMap.wholeMunicipality") })}
          </p>
        }
      />
    </div>
  );
}
