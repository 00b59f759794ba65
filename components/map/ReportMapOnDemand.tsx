"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { LineString, Polygon } from "geojson";

// MapLibre (about 290 KiB gzipped) is fetched only when the reader asks for the map.
const ReportLocationMap = dynamic(() => import("./ReportLocationMap").then((m) => m.ReportLocationMap), {
  ssr: false,
  loading: () => <MapLoading />,
});

function MapLoading() {
  const t = useTranslations("reportPage");
  return <p className="hint">{t("loadingMap")}</p>;
}

/** A button that swaps itself for the interactive map of one report. */
export function ReportMapOnDemand(props: {
  position: [number, number];
  shape: LineString | Polygon | null;
  label: string;
}) {
  const t = useTranslations("reportPage");
  const [shown, setShown] = useState(false);
  if (!shown) {
    return (
      <button type="button" className="secondary show-map" onClick={() => setShown(true)}>
        {t("showMap")}
      </button>
    );
  }
  return <ReportLocationMap {...props} />;
}
