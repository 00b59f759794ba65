"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { canTransition, type ReportStatus } from "@/lib/workflow/states";
import { sendReportAction } from "./send-report-action";

type Item = { id: number; code: string; version: number; status: ReportStatus };
type Result = { kind: "saved" } | { kind: "error"; message: string } | null;

/** A utility company's everyday decisions on one report, in the row, sent with the version shown. */
export function UtilityRowActions({
  item,
  forwardTargets,
}: {
  item: Item;
  forwardTargets: Array<{ id: number; name: string }>;
}) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);

  const send = async (action: Record<string, unknown>, photos: File[] = []) => {
    setBusy(true);
    setResult(null);
    const outcome = await sendReportAction({ reportId: item.id, version: item.version, action, photos });
    setBusy(false);
    if (outcome.kind === "saved") setResult({ kind: "saved" });
    else
      setResult({
        kind: "error",
        message:
          outcome.kind === "conflict" ? t("staff.conflict") : (outcome.message ?? t("report.networkError")),
      });
    router.refresh();
  };
  const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim() || undefined;

  return (
    <details className="row-actions">
      <summary>{t("utility.decide", { code: item.code })}</summary>
      {result ? (
        <p
          role={result.kind === "saved" ? "status" : "alert"}
          className={result.kind === "saved" ? "banner success" : "form-error"}
        >
          {result.kind === "saved" ? t("staff.saved") : result.message}
        </p>
      ) : null}
      {canTransition(item.status, "in_progress") ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => void send({ type: "transition", to: "in_progress" })}
        >
          {t("utility.accept")}
        </button>
      ) : null}
      {canTransition(item.status, "action_scheduled") ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void send({
              type: "transition",
              to: "action_scheduled",
              scheduledFor: text(form, "date"),
              publicText: text(form, "note"),
            });
          }}
        >
          <label htmlFor={`${id}-date`}>{t("utility.scheduleFor")}</label>
          <input id={`${id}-date`} name="date" type="date" required />
          <label htmlFor={`${id}-schedule-note`}>{t("staff.publicText")}</label>
          <input id={`${id}-schedule-note`} name="note" maxLength={2000} />
          <button type="submit" disabled={busy}>
            {t("utility.schedule")}
          </button>
        </form>
      ) : null}
      {canTransition(item.status, "resolved") ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const photos = form.getAll("photos").filter((f): f is File => f instanceof File && f.size > 0);
            void send({ type: "transition", to: "resolved", publicText: text(form, "resolution") }, photos);
          }}
        >
          <label htmlFor={`${id}-resolution`}>{t("utility.resolution")}</label>
          <textarea id={`${id}-resolution`} name="resolution" rows={2} maxLength={2000} required />
          <label htmlFor={`${id}-photos`}>{t("staff.workPhotos")}</label>
          <input id={`${id}-photos`} name="photos" type="file" accept="image/*" multiple />
          <button type="submit" disabled={busy}>
            {t("utility.resolve")}
          </button>
        </form>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          void send({
            type: "assign",
            organisationId: Number(form.get("organisationId")),
            internalNote: text(form, "reason"),
          });
        }}
      >
        <label htmlFor={`${id}-forward`}>{t("utility.notOurs")}</label>
        <select id={`${id}-forward`} name="organisationId">
          {forwardTargets.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-reason`}>{t("utility.reason")}</label>
        <input id={`${id}-reason`} name="reason" maxLength={4000} required />
        <button type="submit" disabled={busy}>
          {t("utility.sendBack")}
        </button>
      </form>
    </details>
  );
}
