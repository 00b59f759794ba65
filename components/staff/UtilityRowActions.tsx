"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { canTransition, type ReportStatus } from "@/lib/workflow/states";
import { PublicTextField } from "./PublicTextField";
import { announceQueueChange } from "./QueueNotice";
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
    if (outcome.kind === "saved") {
      setResult({ kind: "saved" });
      announceQueueChange(doneText(action));
    } else
      setResult({
        kind: "error",
        message:
          outcome.kind === "conflict" ? t("staff.conflict") : (outcome.message ?? t("report.networkError")),
      });
    router.refresh();
  };
  const doneText = (action: Record<string, unknown>) =>
    action.type === "assign"
      ? t("utility.doneSentBack", { code: item.code })
      : action.to === "resolved"
        ? t("utility.doneResolved", { code: item.code })
        : action.to === "action_scheduled"
          ? t("utility.doneScheduled", { code: item.code })
          : t("utility.doneAccepted", { code: item.code });
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
          <PublicTextField
            id={`${id}-schedule-note`}
            name="note"
            label={t("staff.publicText")}
            reportId={item.id}
            toStatus="action_scheduled"
          />
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
          <PublicTextField
            id={`${id}-resolution`}
            name="resolution"
            label={t("utility.resolution")}
            reportId={item.id}
            toStatus="resolved"
            required
          />
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
