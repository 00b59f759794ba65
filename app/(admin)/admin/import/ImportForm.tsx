"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";

const fields = [
  "externalId",
  "categoryCode",
  "description",
  "latitude",
  "longitude",
  "address",
  "createdAt",
  "status",
] as const;
type Field = (typeof fields)[number];
const required: Field[] = ["categoryCode", "description"];

/** Usual header names per field, for a first guess at the mapping. */
const guesses: Record<Field, RegExp> = {
  externalId: /^(id|external.?id|broj|sifra|šifra)$/i,
  categoryCode: /^(category|kategorija|vrsta|service.?code|tip)$/i,
  description: /^(description|opis|tekst|text)$/i,
  latitude: /^(lat|latitude|sirina|širina|y)$/i,
  longitude: /^(lon|lng|long|longitude|duzina|dužina|x)$/i,
  address: /^(address|adresa|ulica)$/i,
  createdAt: /^(created.?at|date|datum|vreme|created)$/i,
  status: /^(status|stanje)$/i,
};

type Progress = {
  id: number;
  status: string;
  totalRows: number;
  nextRow: number;
  imported: number;
  skipped: number;
  failed: number;
  lastError: string | null;
};
type DryRun = {
  total: number;
  valid: number;
  failed: number;
  errors: Array<{ row: number; message: string }>;
};

const post = <T,>(url: string, json?: unknown) => apiFetch<T>(url, { method: "POST", json });

export function ImportForm({ municipalities }: { municipalities: Array<{ code: string; name: string }> }) {
  const t = useTranslations("import");
  const tErrors = useTranslations("errors");
  const [municipality, setMunicipality] = useState(municipalities[0]?.code ?? "");
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [header, setHeader] = useState<string[]>([]);
  const [totalRows, setTotalRows] = useState(0);
  const [mapping, setMapping] = useState<Partial<Record<Field, string>>>({});
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const request = () => ({
    municipalityCode: municipality,
    fileName: file?.name ?? "",
    csv: file?.csv ?? "",
    mapping: Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)),
  });

  const choose = async (chosen: File | undefined) => {
    setError(null);
    setDryRun(null);
    setProgress(null);
    if (!chosen) return;
    const csv = await chosen.text();
    setFile({ name: chosen.name, csv });
    const result = await post<{ header: string[]; totalRows: number }>("/api/admin/import/inspect", {
      municipalityCode: municipality,
      fileName: chosen.name,
      csv,
    });
    if (!result.ok) return setError(result.message ?? tErrors("generic"));
    const inspected = result.data;
    setHeader(inspected.header);
    setTotalRows(inspected.totalRows);
    setMapping(
      Object.fromEntries(
        fields.map((f) => [f, inspected.header.find((h) => guesses[f].test(h.trim())) ?? ""]),
      ),
    );
  };

  const check = async () => {
    setBusy(true);
    setError(null);
    const result = await post<DryRun>("/api/admin/import/dry-run", request());
    setBusy(false);
    if (!result.ok) return setError(result.message ?? tErrors("generic"));
    setDryRun(result.data);
  };

  const start = async () => {
    setBusy(true);
    setError(null);
    const result = await post<{ id: number; totalRows: number }>("/api/admin/import", request());
    setBusy(false);
    if (!result.ok) return setError(result.message ?? tErrors("generic"));
    const job = result.data;
    setProgress({
      id: job.id,
      status: "pending",
      totalRows: job.totalRows,
      nextRow: 0,
      imported: 0,
      skipped: 0,
      failed: 0,
      lastError: null,
    });
  };

  const resume = async () => {
    if (!progress) return;
    const result = await post<Progress>(`/api/admin/import/${progress.id}/resume`);
    if (!result.ok) return setError(result.message ?? tErrors("generic"));
    setProgress(result.data);
  };

  // Progress by polling: the import runs on the server whether or not this page stays open.
  const jobId = progress?.id;
  const running = progress ? progress.status !== "completed" && progress.status !== "failed" : false;
  useEffect(() => {
    if (!jobId || !running) return;
    const timer = setInterval(async () => {
      const res = await apiFetch<Progress>(`/api/admin/import/${jobId}`, { cache: "no-store" });
      if (res.ok) setProgress(res.data);
    }, 1000);
    return () => clearInterval(timer);
  }, [jobId, running]);

  const mappingComplete =
    required.every((f) => mapping[f]) && ((mapping.latitude && mapping.longitude) || mapping.address);

  return (
    <div className="import-form">
      <label htmlFor="import-municipality">{t("municipality")}</label>
      <select id="import-municipality" value={municipality} onChange={(e) => setMunicipality(e.target.value)}>
        {municipalities.map((m) => (
          <option key={m.code} value={m.code}>
            {m.name}
          </option>
        ))}
      </select>
      <label htmlFor="import-file">{t("file")}</label>
      <input
        id="import-file"
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => choose(e.target.files?.[0])}
        aria-describedby="import-file-hint"
      />
      <p id="import-file-hint" className="hint">
        {t("fileHint")}
      </p>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {header.length > 0 ? (
        <fieldset>
          <legend>{t("mapping", { rows: totalRows })}</legend>
          {fields.map((f) => (
            <label key={f} className="mapping-row">
              {t(`field.${f}`)}
              {required.includes(f) ? " *" : ""}
              <select
                value={mapping[f] ?? ""}
                onChange={(e) => setMapping((m) => ({ ...m, [f]: e.target.value }))}
              >
                <option value="">{t("notMapped")}</option>
                {header.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <p className="hint">{t("locationHint")}</p>
          <button type="button" className="button" disabled={busy || !mappingComplete} onClick={check}>
            {t("dryRun")}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy || !mappingComplete || running}
            onClick={start}
          >
            {t("start")}
          </button>
        </fieldset>
      ) : null}
      {dryRun ? (
        <section aria-labelledby="dry-run-title">
          <h2 id="dry-run-title">{t("dryRunTitle")}</h2>
          <p role="status">
            {t("dryRunSummary", { total: dryRun.total, valid: dryRun.valid, failed: dryRun.failed })}
          </p>
          {dryRun.errors.length > 0 ? (
            <ul className="import-errors">
              {dryRun.errors.map((e) => (
                <li key={e.row}>{t("rowError", { row: e.row, message: e.message })}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      {progress ? (
        <section aria-labelledby="progress-title">
          <h2 id="progress-title">{t("progressTitle")}</h2>
          <progress max={progress.totalRows || 1} value={progress.nextRow} aria-label={t("progressLabel")} />
          <p role="status">
            {t(`status.${progress.status}` as never)} –{" "}
            {t("progressSummary", {
              done: progress.nextRow,
              total: progress.totalRows,
              imported: progress.imported,
              skipped: progress.skipped,
              failed: progress.failed,
            })}
          </p>
          {progress.status === "failed" ? (
            <>
              <p role="alert" className="error">
                {t("failedHint")}
              </p>
              <button type="button" className="button" onClick={resume}>
                {t("resume")}
              </button>
            </>
          ) : null}
          {progress.failed > 0 ? (
            <p>
              <a href={`/api/admin/import/${progress.id}/errors`} download>
                {t("errorFile")}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
