"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { MultiPolygon, Polygon } from "geojson";
import { ShapeMap } from "@/components/map/ShapeDrawer";
import { siteFromGeoJson } from "./site-from-geojson";

type Props = {
  municipalityCode: string;
  bbox: [number, number, number, number];
  site: Polygon | MultiPolygon | null;
  onSite: (site: Polygon | MultiPolygon | null) => void;
};

/**
 * A works site: drawn on the map (terra-draw, as in the citizen's report form) or imported as
 * GeoJSON from a file or pasted text — the keyboard's way in. The server checks the shape.
 */
export function PermitSiteInput({ municipalityCode, bbox, site, onSite }: Props) {
  const t = useTranslations("permits");
  const [text, setText] = useState("");
  const [importError, setImportError] = useState(false);
  // Format names stay as they are in every script.
  const names = { format: "GeoJSON", types: "Polygon, MultiPolygon, Feature", crs: "WGS 84" };

  const importText = (raw: string) => {
    const parsed = siteFromGeoJson(raw);
    setImportError(parsed === null);
    if (parsed) onSite(parsed);
  };

  const corners = site
    ? (site.type === "Polygon" ? [site.coordinates] : site.coordinates).reduce(
        (n, poly) => n + (poly[0]?.length ?? 1) - 1,
        0,
      )
    : 0;
  return (
    <fieldset className="permit-site">
      <legend>{t("site")}</legend>
      <ShapeMap
        municipalityCode={municipalityCode}
        bbox={bbox}
        mode="area"
        label={t("siteMapLabel")}
        onShape={(shape) => onSite(shape && shape.type === "Polygon" ? shape : null)}
      />
      <label htmlFor="site-geojson">{t("importGeoJson", names)}</label>
      <textarea
        id="site-geojson"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby="site-geojson-hint"
      />
      <p id="site-geojson-hint" className="hint">
        {t("importHint", names)}
      </p>
      <div className="row">
        <button type="button" className="secondary" onClick={() => importText(text)} disabled={!text.trim()}>
          {t("importButton", names)}
        </button>
        <label className="file-button">
          {t("importFile", names)}
          <input
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) importText(await file.text());
            }}
          />
        </label>
      </div>
      {importError ? (
        <p className="form-error" role="alert">
          {t("importError", names)}
        </p>
      ) : null}
      <p className="hint" aria-live="polite" data-testid="site-status">
        {site ? t("siteReady", { corners }) : t("noSite")}
      </p>
    </fieldset>
  );
}
