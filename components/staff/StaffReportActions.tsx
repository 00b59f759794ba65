"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { StaffReport } from "@/lib/reports/get-staff-report";
import type { ResponseTemplateOption } from "@/lib/templates/fill-response-template";
import { ResponseTemplatePicker } from "./ResponseTemplatePicker";
import { sendReportAction } from "./send-report-action";

type Result = { kind: "saved" } | { kind: "conflict" } | { kind: "error"; message: string } | null;

/** The actions open to this user on this report, each sent with the version the page shows. */
export function StaffReportActions({
  report,
  templates = [],
}: {
  report: StaffReport;
  templates?: readonly ResponseTemplateOption[];
}) {
  const t = useTranslations();
  const tt = t as unknown as (key: string) => string;
  const router = useRouter();
  const [result, setResult] = useState<Result>(null);
  const [busy, setBusy] = useState(false);
  const [to, setTo] = useState(report.transitions[0] ?? "");
  const [publicText, setPublicText] = useState("");

  const send = async (action: Record<string, unknown>, photos: File[] = []) => {
    setBusy(true);
    setResult(null);
    const outcome = await sendReportAction({ reportId: report.id, version: report.version, action, photos });
    setBusy(false);
    setResult(
      outcome.kind === "error"
        ? { kind: "error", message: outcome.message ?? t("report.networkError") }
        : { kind: outcome.kind },
    );
    router.refresh();
  };

  const field = (form: FormData, name: string) => {
    const value = String(form.get(name) ?? "").trim();
    return value ? value : undefined;
  };

  return (
    <div className="staff-actions">
      {result ? (
        <p
          role={result.kind === "saved" ? "status" : "alert"}
          className={result.kind === "saved" ? "banner success" : "form-error"}
        >
          {result.kind === "saved"
            ? t("staff.saved")
            : result.kind === "conflict"
              ? t("staff.conflict")
              : result.message}
        </p>
      ) : null}

      {report.transitions.length > 0 ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void send(
              {
                type: "transition",
                to,
                publicText: field(form, "publicText"),
                internalNote: field(form, "internalNote"),
                scheduledFor: field(form, "scheduledFor"),
                rejectionTarget: field(form, "rejectionTarget"),
              },
              form.getAll("workPhotos").filter((f): f is File => f instanceof File && f.size > 0),
            );
          }}
        >
          <fieldset>
            <legend>{t("staff.changeStatus")}</legend>
            <label htmlFor="to">{t("staff.to")}</label>
            <select id="to" value={to} onChange={(e) => setTo(e.target.value as typeof to)}>
              {report.transitions.map((s) => (
                <option key={s} value={s}>
                  {tt(`status.${s}`)}
                </option>
              ))}
            </select>
            {to === "action_scheduled" ? (
              <>
                <label htmlFor="scheduledFor">{t("staff.scheduledFor")}</label>
                <input id="scheduledFor" name="scheduledFor" type="date" required />
              </>
            ) : null}
            {to === "rejected" ? (
              <>
                <label htmlFor="rejectionTarget">{t("staff.rejectionTarget")}</label>
                <input id="rejectionTarget" name="rejectionTarget" maxLength={200} />
              </>
            ) : null}
            <ResponseTemplatePicker
              templates={templates}
              to={to}
              transitions={report.transitions}
              onPick={(fill) => {
                setPublicText(fill.publicText);
                if (fill.to) setTo(fill.to as typeof to);
              }}
            />
            <label htmlFor="publicText">{t("staff.publicText")}</label>
            <textarea
              id="publicText"
              name="publicText"
              rows={2}
              maxLength={2000}
              required={to === "resolved"}
              value={publicText}
              onChange={(e) => setPublicText(e.target.value)}
            />
            <label htmlFor="internalNote">{t("staff.internalNote")}</label>
            <textarea id="internalNote" name="internalNote" rows={2} maxLength={4000} />
            <label htmlFor="workPhotos">{t("staff.workPhotos")}</label>
            <input id="workPhotos" name="workPhotos" type="file" accept="image/*" multiple />
            <button type="submit" disabled={busy}>
              {t("staff.apply")}
            </button>
          </fieldset>
        </form>
      ) : null}

      {report.canAssign ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void send({
              type: "assign",
              organisationId: Number(form.get("organisationId")),
              internalNote: field(form, "assignNote"),
            });
          }}
        >
          <fieldset>
            <legend>{t("staff.assign")}</legend>
            <label htmlFor="organisationId">{t("staff.organisation")}</label>
            <select
              id="organisationId"
              name="organisationId"
              defaultValue={report.organisationId ?? undefined}
            >
              {report.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
            <label htmlFor="assignNote">{t("staff.internalNote")}</label>
            <textarea id="assignNote" name="assignNote" rows={2} maxLength={4000} />
            <button type="submit" disabled={busy}>
              {t("staff.assignButton")}
            </button>
          </fieldset>
        </form>
      ) : null}

      {report.canMarkDuplicate ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void send({ type: "mark_duplicate", duplicateOfCode: String(form.get("duplicateOfCode") ?? "") });
          }}
        >
          <fieldset>
            <legend>{t("staff.duplicate")}</legend>
            <label htmlFor="duplicateOfCode">{t("staff.duplicateOf")}</label>
            <input id="duplicateOfCode" name="duplicateOfCode" maxLength={12} required />
            <button type="submit" disabled={busy}>
              {t("staff.duplicateButton")}
            </button>
          </fieldset>
        </form>
      ) : null}

      {report.canNote ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void send({ type: "note", internalNote: field(form, "noteText") });
            e.currentTarget.reset();
          }}
        >
          <fieldset>
            <legend>{t("staff.note")}</legend>
            <label htmlFor="noteText">{t("staff.internalNote")}</label>
            <textarea id="noteText" name="noteText" rows={2} maxLength={4000} required />
            <button type="submit" disabled={busy}>
              {t("staff.noteButton")}
            </button>
          </fieldset>
        </form>
      ) : null}
    </div>
  );
}
