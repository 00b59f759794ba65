"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { SetupDraftData } from "@/lib/onboarding/draft-schema";
import { GeodataPreviewMap, type PreviewShape } from "../GeodataPreviewMap";
import { FeatureReport, usable } from "./FeatureReport";
import { slug } from "./setup-shared";
import { useGeodataUpload } from "./use-geodata-upload";

/** Step 3: the districts (mesne zajednice) from a file, named by one of its attributes; may be skipped. */
export function DistrictsStep({
  value,
  busy,
  onSave,
}: {
  value: SetupDraftData["districts"];
  busy: boolean;
  onSave: (v: unknown) => void;
}) {
  const t = useTranslations("setup");
  const { preview, error, loading, upload } = useGeodataUpload("districts");
  const [nameAttribute, setNameAttribute] = useState<string>("");
  const candidates = useMemo(() => (preview ? preview.features.filter(usable) : []), [preview]);
  const attribute =
    nameAttribute ||
    preview?.attributes.find((a) => candidates.every((f) => typeof f.properties[a] === "string")) ||
    preview?.attributes[0] ||
    "";
  const items = candidates.map((f, i) => {
    const name =
      String(f.properties[attribute] ?? "").trim() || t("preview.feature", { number: f.index + 1 });
    return {
      code:
        `${slug(name)}`.slice(0, 55) +
        (candidates.findIndex((g) => slug(String(g.properties[attribute] ?? "")) === slug(name)) === i
          ? ""
          : `-${i}`),
      name,
      geometry: f.geometry,
    };
  });
  const shapes: PreviewShape[] = preview
    ? candidates.map((f) => ({ index: f.index, status: f.status, geometry: f.geometry, selected: false }))
    : (value?.items ?? []).map((d, i) => ({ index: i, status: "ok", geometry: d.geometry, selected: false }));
  return (
    <form
      aria-labelledby="step-districts"
      onSubmit={(e) => {
        e.preventDefault();
        if (!preview)
          return onSave(value ?? { fileName: "-", sourceCrs: "EPSG:4326", nameAttribute: "-", items: [] });
        onSave({ fileName: preview.fileName, sourceCrs: preview.sourceCrs, nameAttribute: attribute, items });
      }}
    >
      <h2 id="step-districts">{t("step.districts")}</h2>
      <p className="hint">{t("districts.hint")}</p>
      {value ? <p>{t("districts.current", { count: value.items.length, file: value.fileName })}</p> : null}
      <label htmlFor="districts-file">{t("districts.file")}</label>
      <input
        id="districts-file"
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
      {preview ? (
        <>
          <label htmlFor="districts-name">{t("districts.nameAttribute")}</label>
          <select id="districts-name" value={attribute} onChange={(e) => setNameAttribute(e.target.value)}>
            {preview.attributes.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
          <ul className="district-names">
            {items.map((d) => (
              <li key={d.code}>
                {d.name} <span className="hint">({d.code})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {shapes.length > 0 ? <GeodataPreviewMap shapes={shapes} label={t("preview.mapLabel")} /> : null}
      <button type="submit" className="button primary" disabled={busy}>
        {preview ? t("saveStep") : t("skipStep")}
      </button>
    </form>
  );
}
