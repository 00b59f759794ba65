"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { readApiError } from "@/lib/client/api-fetch";

type Progress = { format: "csv" | "geojson"; rows: number; total: number | null; done: boolean };

/**
 * Downloads the filtered reports as CSV or GeoJSON. The server streams the file; the page reads
 * it as it arrives, counts rows (one per line) against the total the server announced, and
 * shows how far it is before saving the file.
 */
export function ExportPanel({ query }: { query: string }) {
  const t = useTranslations("analytics");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (format: "csv" | "geojson") => {
    setError(null);
    setProgress({ format, rows: 0, total: null, done: false });
    try {
      // Raw fetch, not apiFetch: the file's body is read as it streams in, to show progress.
      const response = await fetch(`/api/staff/analytics/export?format=${format}&${query}`);
      if (!response.ok || !response.body) {
        throw new Error((await readApiError(response)).message ?? t("exportFailed"));
      }
      const totalHeader = response.headers.get("x-total-count");
      const total = totalHeader === null ? null : Number(totalHeader);
      const reader = response.body.getReader();
      const parts: Uint8Array[] = [];
      let newlines = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parts.push(value);
        for (const byte of value) if (byte === 10) newlines++;
        // CSV: one header line; GeoJSON: an opening and a closing line around one feature per line.
        const rows = Math.max(0, format === "csv" ? newlines - 1 : newlines - 1);
        setProgress({ format, rows: Math.min(rows, total ?? rows), total, done: false });
      }
      const rows = format === "csv" ? newlines - 1 : Math.max(0, newlines - 2);
      setProgress({ format, rows, total, done: true });
      const name =
        /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ??
        `reports.${format}`;
      const url = URL.createObjectURL(
        new Blob(parts as BlobPart[], { type: response.headers.get("content-type") ?? "text/plain" }),
      );
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setProgress(null);
      setError(err instanceof Error ? err.message : t("exportFailed"));
    }
  };

  const busy = progress !== null && !progress.done;
  return (
    <section aria-labelledby="export-title" className="export-panel no-print">
      <h2 id="export-title">{t("exportTitle")}</h2>
      <p className="hint">{t("exportHint")}</p>
      <div className="row">
        <button type="button" onClick={() => run("csv")} disabled={busy}>
          {t("exportCsv")}
        </button>
        <button type="button" onClick={() => run("geojson")} disabled={busy}>
          {t("exportGeojson")}
        </button>
      </div>
      {progress ? (
        <div className="export-progress">
          <progress
            value={progress.rows}
            max={progress.total ?? undefined}
            aria-label={t("exportProgressLabel")}
          />
          <p aria-live="polite" data-testid="export-status">
            {progress.done
              ? t("exportDone", { rows: progress.rows })
              : progress.total === null
                ? t("exportRowsSoFar", { rows: progress.rows })
                : t("exportProgress", { rows: progress.rows, total: progress.total })}
          </p>
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="status">
          {error}
        </p>
      ) : null}
    </section>
  );
}
