import type { Geometry } from "geojson";
import { getTranslations } from "next-intl/server";
import { sketchPlace } from "@/lib/map/place-sketch";
import { ReportMapOnDemand } from "./ReportMapOnDemand";
import "./report-place.css";

/**
 * Where a report is, on its public or staff page: a sketch drawn on the server (the pin and the
 * drawn line or area, no map library), and the interactive map loaded only when asked for.
 */
export async function ReportPlace({
  position,
  shape,
}: {
  position: [number, number] | number[];
  shape: Geometry | null;
}) {
  const t = await getTranslations("reportPage");
  const sketch = sketchPlace(position, shape);
  const description =
    sketch.kind === "line"
      ? t("previewLine", { count: sketch.count, metres: sketch.metres })
      : sketch.kind === "area"
        ? t("previewArea", { count: sketch.count, square: sketch.squareMetres })
        : t("previewPoint");
  const mapLabel = t(
    sketch.kind === "line" ? "mapLabelLine" : sketch.kind === "area" ? "mapLabelArea" : "mapLabel",
  );
  const [px, py] = sketch.pin;
  return (
    <section className="report-place" data-testid="report-place" data-shape={sketch.kind}>
      <svg
        className="place-sketch"
        viewBox={`0 0 ${sketch.width} ${sketch.height}`}
        role="img"
        aria-label={description}
        data-testid="place-sketch"
      >
        <rect width={sketch.width} height={sketch.height} className="sketch-ground" />
        {sketch.path ? (
          <path
            d={sketch.path}
            className={sketch.kind === "area" ? "sketch-area" : "sketch-line"}
            data-testid="sketch-shape"
          />
        ) : null}
        <path
          d={`M${px} ${py} c-6 -9 -9 -13 -9 -18 a9 9 0 1 1 18 0 c0 5 -3 9 -9 18 z`}
          className="sketch-pin"
        />
        <g className="sketch-scale" transform={`translate(12 ${sketch.height - 12})`}>
          <path d="M0 -4 V0 H100 V-4" />
          <text x="104" y="0">
            {sketch.metresPer100} m
          </text>
        </g>
      </svg>
      <ReportMapOnDemand
        position={position as [number, number]}
        shape={shape && (shape.type === "LineString" || shape.type === "Polygon") ? shape : null}
        label={mapLabel}
      />
    </section>
  );
}
