"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { MultiPolygon, Polygon } from "geojson";
import { ShapeMap } from "@/components/map/ShapeDrawer";
import { ServiceAreaMap } from "./ServiceAreaMap";
import { useAdminForm } from "./use-admin-form";

type Props = {
  organisationId: number;
  municipalityCode: string;
  bbox: [number, number, number, number];
  current: MultiPolygon | null;
};

type Checked = { area: MultiPolygon; vertices: number; areaSquareMetres: number };

/**
 * An organisation's service area: drawn or reshaped on the map (terra-draw), or imported from a
 * GeoJSON file or pasted text. Every candidate is checked by the server first and previewed over
 * the saved area; only "Save" replaces it. Clearing means the whole municipality.
 */
export function ServiceAreaEditor({ organisationId, municipalityCode, bbox, current }: Props) {
  // The shared location picker still takes the settings as props.
  const t = useTranslations("admin.organisations");
  const format = useFormatter();
  const check = useAdminForm();
  const save = useAdminForm();
  const [candidate, setCandidate] = useState<Checked | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [text, setText] = useState("");
  const names = {
    format: "GeoJSON",
    types: "Polygon, MultiPolygon, Feature, FeatureCollection",
    crs: "WGS 84",
  };

  const checkArea = async (area: unknown) => {
    setCandidate(null);
    const checked = await check.send<Checked>(
      `/api/admin/organisations/${organisationId}/service-area/check`,
      "POST",
      { area },
    );
    if (checked) setCandidate(checked);
  };

  const onDrawn = (polygons: Polygon[]) => {
    if (polygons.length === 0) return setCandidate(null);
    void checkArea({ type: "MultiPolygon", coordinates: polygons.map((p) => p.coordinates) });
  };

  const saveArea = async (area: MultiPolygon | null) => {
    const done = await save.send(`/api/admin/organisations/${organisationId}/service-area`, "PUT", { area });
    if (done) {
      setCandidate(null);
      setDrawing(false);
    }
  };

  const km2 = (m2: number) => format.number(m2 / 1_000_000, { maximumFractionDigits: 2 });
  const polygons: Polygon[] = (current?.coordinates ?? []).map((coordinates) => ({
    type: "Polygon",
    coordinates,
  }));

  return (
    <section className="service-area" aria-labelledby="service-area-title">
      <h2 id="service-area-title">{t("serviceArea")}</h2>
      <p className="hint">{t("routingNote")}</p>
      <p data-testid="service-area-status">
        {current ? t("areaSaved", { polygons: current.coordinates.length }) : t("wholeMunicipality")}
      </p>
      <ServiceAreaMap
        municipalityCode={municipalityCode}
        bbox={bbox}
        current={current}
        candidate={candidate?.area ?? null}
      />
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={() => setDrawing((d) => !d)}
          aria-expanded={drawing}
          aria-controls="service-area-draw"
        >
          {current ? t("drawOrEdit") : t("draw")}
        </button>
        {current ? (
          <button type="button" className="secondary" onClick={() => saveArea(null)} disabled={save.busy}>
            {t("clear")}
          </button>
        ) : null}
      </div>
      <div id="service-area-draw" hidden={!drawing}>
        {drawing ? (
          <ShapeMap
            municipalityCode={municipalityCode}
            bbox={bbox}
            mode="area"
            label={t("serviceAreaMapLabel")}
            areas={{ initial: polygons, onChange: onDrawn }}
          />
        ) : null}
      </div>
      <fieldset>
        <legend>{t("import", names)}</legend>
        <label htmlFor="area-file">{t("importFile", names)}</label>
        <input
          id="area-file"
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          aria-describedby="area-import-hint"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) await checkArea(await file.text());
          }}
        />
        <label htmlFor="area-text">{t("importText", names)}</label>
        <textarea
          id="area-text"
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="area-import-hint"
        />
        <p id="area-import-hint" className="hint">
          {t("importHint", names)}
        </p>
        <button
          type="button"
          className="secondary"
          onClick={() => checkArea(text)}
          disabled={!text.trim() || check.busy}
        >
          {t("checkText")}
        </button>
      </fieldset>
      {check.error ? (
        <p className="form-error" role="alert" data-testid="service-area-error">
          {check.error}
        </p>
      ) : null}
      {candidate ? (
        <div className="banner" role="status" data-testid="service-area-preview">
          <p>
            {t("preview", {
              vertices: candidate.vertices,
              polygons: candidate.area.coordinates.length,
              km2: km2(candidate.areaSquareMetres),
            })}
          </p>
          <div className="row">
            <button type="button" onClick={() => saveArea(candidate.area)} disabled={save.busy}>
              {t("saveArea")}
            </button>
            <button type="button" className="secondary" onClick={() => setCandidate(null)}>
              {t("discard")}
            </button>
          </div>
        </div>
      ) : null}
      {save.status}
    </section>
  );
}
