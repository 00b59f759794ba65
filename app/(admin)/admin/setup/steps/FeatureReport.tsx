"use client";

import { useTranslations } from "next-intl";
import type { MultiPolygon } from "geojson";
import type { GeodataPreview, PreviewFeature } from "@/lib/geodata/preview-geodata";

/** An uploaded file's summary and each feature that was repaired, rejected or lies outside the boundary. */
export function FeatureReport({ preview }: { preview: GeodataPreview & { fileName: string } }) {
  const t = useTranslations("setup");
  return (
    <div className="geodata-report">
      <p role="status">
        {t("preview.summary", {
          file: preview.fileName,
          crs: preview.sourceCrs,
          ok: preview.counts.ok,
          repaired: preview.counts.repaired,
          rejected: preview.counts.rejected,
        })}
      </p>
      {preview.features.some((f) => f.status !== "ok" || f.outsideBoundary) ? (
        <ul className="geodata-problems">
          {preview.features
            .filter((f) => f.status !== "ok" || f.outsideBoundary)
            .map((f) => (
              <li key={f.index}>
                {t("preview.feature", { number: f.index + 1 })}: {t(`status.${f.status}`)}
                {f.reason ? ` – ${t(`reason.${f.reason}`)}` : ""}
                {f.detail ? ` (${f.detail})` : ""}
                {f.outsideBoundary ? ` – ${t("preview.outsideBoundary")}` : ""}
              </li>
            ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A feature the wizard can use: not rejected, with a geometry. */
export const usable = (
  f: PreviewFeature,
): f is PreviewFeature & { geometry: MultiPolygon; status: "ok" | "repaired" } =>
  f.status !== "rejected" && f.geometry !== null;

/** A feature's first few text attributes, to tell features apart. */
export function describeFeature(f: PreviewFeature): string {
  return Object.values(f.properties)
    .filter((v) => typeof v === "string" && v.length > 0)
    .slice(0, 3)
    .join(" · ");
}
