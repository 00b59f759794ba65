"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { AnalyticsLayer } from "@/lib/analytics/filters";

/** The colour ramp of the district and hexagon maps, lightest (fewest) first. */
export const legendRamp = ["#fff5eb", "#fdbe85", "#fd8d3c", "#e6550d", "#a63603"];

/**
 * What the colours on the analytics map mean: five classes from 0 to the layer's largest value
 * (reports per district, per 1,000 residents, or per hexagon of the given size), or for the
 * heatmap a scale from fewer to more. Text, so it is read out and printed with the map.
 */
export function MapLegend(props: {
  layer: AnalyticsLayer;
  perCapita: boolean;
  max: number;
  cellMetres: number | null;
}) {
  const t = useTranslations("analytics");
  const format = useFormatter();
  const top = Math.max(props.max, 1);
  const number = (n: number) => format.number(n, { maximumFractionDigits: props.perCapita ? 1 : 0 });
  const title =
    props.layer === "heatmap"
      ? t("legendHeat")
      : props.layer === "hexagons"
        ? t("legendHexagons", { size: props.cellMetres ?? 0 })
        : props.perCapita
          ? t("legendPer1000")
          : t("legendDistricts");
  return (
    <figure className="map-legend" data-testid="map-legend" data-layer={props.layer}>
      <figcaption>{title}</figcaption>
      {props.layer === "heatmap" ? (
        <p className="map-legend-scale">
          <span>{t("legendFewer")}</span>
          <span className="map-legend-gradient" aria-hidden="true" />
          <span>{t("legendMore")}</span>
        </p>
      ) : (
        <ul>
          {legendRamp.map((colour, i) => {
            const from = i === 0 ? 0 : (top * (i - 0.5)) / 4;
            const to = i === legendRamp.length - 1 ? top : (top * (i + 0.5)) / 4;
            return (
              <li key={colour}>
                <span className="map-legend-swatch" style={{ background: colour }} aria-hidden="true" />
                {t("legendRange", { from: number(from), to: number(to) })}
              </li>
            );
          })}
        </ul>
      )}
    </figure>
  );
}
