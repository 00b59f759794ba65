"use client";

import { useTranslations } from "next-intl";
import type { MultiPolygon } from "geojson";
import { GeodataPreviewMap } from "../GeodataPreviewMap";
import { FeatureReport, describeFeature, usable } from "./FeatureReport";
import { useGeodataUpload } from "./use-geodata-upload";

/** An organisation's service area from a file (none: the whole municipality). */
export function ServiceAreaUpload({ onArea }: { onArea: (area: MultiPolygon | null) => void }) {
  const t = useTranslations("setup");
  const { preview, error, loading, upload } = useGeodataUpload("service-area");
  const candidates = preview ? preview.features.filter(usable) : [];
  return (
    <div className="service-area-upload">
      <input
        type="file"
        aria-label={t("organisations.serviceAreaFile")}
        accept=".geojson,.json,.zip,.gpkg"
        onChange={(e) => upload(e.target.files?.[0])}
      />
      {loading ? <p role="status">{t("preview.loading")}</p> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {preview ? <FeatureReport preview={preview} /> : null}
      {candidates.length > 0 ? (
        <>
          <select
            aria-label={t("organisations.serviceAreaFeature")}
            defaultValue=""
            onChange={(e) =>
              onArea(
                e.target.value === ""
                  ? null
                  : candidates.find((f) => f.index === Number(e.target.value))!.geometry,
              )
            }
          >
            <option value="">{t("organisations.wholeMunicipality")}</option>
            {candidates.map((f) => (
              <option key={f.index} value={f.index}>
                {t("preview.feature", { number: f.index + 1 })} {describeFeature(f)}
              </option>
            ))}
          </select>
          <GeodataPreviewMap
            shapes={candidates.map((f) => ({
              index: f.index,
              status: f.status,
              geometry: f.geometry,
              selected: false,
            }))}
            label={t("preview.mapLabel")}
          />
        </>
      ) : null}
    </div>
  );
}
