"use client";

import { useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { Polygon } from "geojson";
import { PointPicker, type Position } from "@/components/map/PointPicker";
import { ShapeDrawer } from "@/components/map/ShapeDrawer";
import { apiFetch } from "@/lib/client/api-fetch";
import type { PublicPermit } from "@/lib/permits/public-permit-fields";

type Props = {
  municipalityCode: string;
  bbox: [number, number, number, number];
};

/** Pick a point (tap, or the keyboard pin) or draw an area; the works active or granted there are listed. */
export function PlannedWorks({ municipalityCode, bbox }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const [mode, setMode] = useState<"point" | "area">("point");
  const [position, setPosition] = useState<Position | null>(null);
  const [area, setArea] = useState<Polygon | null>(null);
  const [result, setResult] = useState<PublicPermit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const where = mode === "point" ? (position ? { type: "Point", coordinates: position } : null) : area;
  const key = JSON.stringify(where);

  useEffect(() => {
    if (!where) return;
    const controller = new AbortController();
    void apiFetch<{ permits: PublicPermit[] }>("/api/permits/planned", {
      method: "POST",
      json: { where },
      signal: controller.signal,
    }).then((res) => {
      // No answer (offline, or a newer place asked about): what is shown stays.
      if (res.status === null || controller.signal.aborted) return;
      if (!res.ok) {
        setError(res.message ?? t("permits.networkError"));
        setResult(null);
      } else {
        setError(null);
        setResult(res.data.permits);
      }
    });
    return () => controller.abort();
    // The request follows the place asked about, by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), "medium");
  return (
    <div className="planned-works">
      <fieldset className="inline-choices">
        <legend>{t("permits.plannedMode")}</legend>
        {(["point", "area"] as const).map((m) => (
          <label key={m} className="choice">
            <input
              type="radio"
              name="plannedMode"
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
            />
            <span>{t(m === "point" ? "report.modePoint" : "report.modeArea")}</span>
          </label>
        ))}
      </fieldset>
      <PointPicker
        municipalityCode={municipalityCode}
        bbox={bbox}
        position={position}
        onChange={setPosition}
        drawing={
          mode === "area" ? (
            <ShapeDrawer
              mode="area"
              onShape={(shape) => setArea(shape && shape.type === "Polygon" ? shape : null)}
            />
          ) : undefined
        }
      />
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <section aria-live="polite" aria-labelledby="planned-results" data-testid="planned-results">
        <h2 id="planned-results">{t("permits.plannedResults")}</h2>
        {result === null ? (
          <p>{t("permits.plannedAsk")}</p>
        ) : result.length === 0 ? (
          <p>{t("permits.plannedNone")}</p>
        ) : null}
        <ul>
          {(result ?? []).map((p) => (
            <li key={p.reference}>
              <strong>{t(`permitKind.${p.kind}` as never)}</strong> · {t(`permitStatus.${p.status}` as never)}{" "}
              · {day(p.validFrom)} – {day(p.validTo)}
              <br />
              {p.works}
              {p.holder ? ` · ${p.holder}` : ""} · {p.reference}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
