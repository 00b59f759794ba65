"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { SetupDraftData } from "@/lib/onboarding/draft-schema";
import { GeodataPreviewMap, type PreviewShape } from "../GeodataPreviewMap";
import { FeatureReport, describeFeature, usable } from "./FeatureReport";
import { useGeodataUpload } from "./use-geodata-upload";

/** Step 2: the boundary, chosen among the uploaded file's features. */
export function BoundaryStep({
  value,
  busy,
  onSave,
}: {
  value: SetupDraftData["boundary"];
  busy: boolean;
  onSave: (v: unknown) => void;
}) {
  const t = useTranslations("setup");
  const { preview, error, loading, upload } = useGeodataUpload("boundary");
  const [chosen, setChosen] = useState<number | null>(null);
  const [source, setSource] = useState(value?.boundarySource ?? "");
  const candidates = useMemo(() => (preview ? preview.features.filter(usable) : []), [preview]);
  const selected = candidates.find((f) => f.index === (chosen ?? candidates[0]?.index));
  const shapes: PreviewShape[] = preview
    ? candidates.map((f) => ({
        index: f.index,
        status: f.status,
        geometry: f.geometry,
        selected: f.index === selected?.index,
      }))
    : value
      ? [{ index: 0, status: "ok", geometry: value.geometry, selected: true }]
      : [];
  return (
    <form
      aria-labelledby="step-boundary"
      onSubmit={(e) => {
        e.preventDefault();
        if (!preview || !selected) return;
        onSave({
          fileName: preview.fileName,
          sourceCrs: preview.sourceCrs,
          featureIndex: selected.index,
          boundarySource: source || preview.fileName,
          geometry: selected.geometry,
        });
      }}
    >
      <h2 id="step-boundary">{t("step.boundary")}</h2>
      <p className="hint">{t("fileHint")}</p>
      {value ? <p>{t("boundary.current", { file: value.fileName, crs: value.sourceCrs })}</p> : null}
      <label htmlFor="boundary-file">{t("boundary.file")}</label>
      <input
        id="boundary-file"
        type="file"
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
        <fieldset>
          <legend>{t("boundary.choose")}</legend>
          {candidates.map((f) => (
            <label key={f.index} className="choice">
              <input
                type="radio"
                name="boundary-feature"
                checked={f.index === selected?.index}
                onChange={() => setChosen(f.index)}
              />
              <span>
                {t("preview.feature", { number: f.index + 1 })} {describeFeature(f)} (
                {t("preview.area", { km2: ((f.areaSquareMetres ?? 0) / 1e6).toFixed(1) })})
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {shapes.length > 0 ? <GeodataPreviewMap shapes={shapes} label={t("preview.mapLabel")} /> : null}
      <label htmlFor="boundary-source">{t("boundary.source")}</label>
      <input
        id="boundary-source"
        value={source}
        onChange={(e) => setSource(e.target.value)}
        placeholder={t("boundary.sourcePlaceholder")}
      />
      <button type="submit" className="button primary" disabled={busy || !selected}>
        {t("saveStep")}
      </button>
    </form>
  );
}
