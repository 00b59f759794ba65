"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { QueuedAction, QueueEntry } from "./offline-store";
import type { LocalReport } from "./sync-queue";

/**
 * One report on the crew's phone: what was reported, its trail, and the steps they may take. A step
 * goes into the queue with the version shown here and a key of its own, and is sent at once when
 * there is a connection; until the server has it, it shows in the trail as waiting.
 */
export function FieldReportView({
  report,
  held,
  onBack,
  onQueue,
}: {
  report: LocalReport;
  held: boolean;
  onBack: () => void;
  onQueue: (entry: QueueEntry) => Promise<void>;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [chosen, setTo] = useState(report.transitions[0] ?? "");
  // After a waiting change the steps open are those from the status it leads to.
  const to = report.transitions.includes(chosen as never) ? chosen : (report.transitions[0] ?? "");
  const [done, setDone] = useState<string | null>(null);
  const date = (iso: string) => format.dateTime(new Date(iso), "shortWithTime");

  useEffect(() => heading.current?.focus(), [report.id]);

  const queue = async (action: QueuedAction["action"], photos: File[], form: HTMLFormElement) => {
    await onQueue({
      kind: "action",
      key: crypto.randomUUID(),
      createdAt: Date.now(),
      state: "pending",
      reportId: report.id,
      reportCode: report.code,
      expectedVersion: report.version,
      action,
      photos,
    });
    form.reset();
    setDone(t("field.queued"));
  };
  const text = (form: FormData, name: string) => {
    const value = String(form.get(name) ?? "").trim();
    return value ? value : undefined;
  };
  const photos = (form: FormData, name: string) =>
    form.getAll(name).filter((f): f is File => f instanceof File && f.size > 0);

  return (
    <article
      className="field-report-view"
      aria-labelledby={`${id}-title`}
      data-testid="field-report"
      data-code={report.code}
      data-status={report.status}
    >
      <button type="button" className="secondary" onClick={onBack}>
        {t("field.back")}
      </button>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {report.category} · {report.code}
      </h2>
      <p>
        <strong>{t(`status.${report.status}` as never)}</strong>
        {report.dueAt ? ` · ${t("field.due", { date: date(report.dueAt) })}` : ""}
        {report.address ? ` · ${report.address}` : ""}
      </p>
      <p className="field-description">{report.description}</p>
      {report.contact && !report.contact.anonymous && (report.contact.phone || report.contact.name) ? (
        <p>
          {t("staff.reporter")}: {report.contact.name ?? ""}{" "}
          {report.contact.phone ? <a href={`tel:${report.contact.phone}`}>{report.contact.phone}</a> : null}
        </p>
      ) : null}
      <a href={`geo:${report.position[1]},${report.position[0]}`}>{t("field.navigate")}</a>
      {held ? (
        <p className="form-error" role="alert">
          {t("field.heldHere")}
        </p>
      ) : null}
      {done ? (
        <p className="banner success" role="status">
          {done}
        </p>
      ) : null}

      {!held && report.transitions.length > 0 ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void queue(
              {
                type: "transition",
                to,
                publicText: text(form, "publicText"),
                internalNote: text(form, "internalNote"),
                scheduledFor: text(form, "scheduledFor"),
              },
              photos(form, "workPhotos"),
              e.currentTarget,
            );
          }}
        >
          <fieldset>
            <legend>{t("staff.changeStatus")}</legend>
            <label htmlFor={`${id}-to`}>{t("staff.to")}</label>
            <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
              {report.transitions.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}` as never)}
                </option>
              ))}
            </select>
            {to === "action_scheduled" ? (
              <>
                <label htmlFor={`${id}-date`}>{t("staff.scheduledFor")}</label>
                <input id={`${id}-date`} name="scheduledFor" type="date" required />
              </>
            ) : null}
            <label htmlFor={`${id}-public`}>{t("staff.publicText")}</label>
            <textarea
              id={`${id}-public`}
              name="publicText"
              rows={2}
              maxLength={2000}
              required={to === "resolved"}
            />
            <label htmlFor={`${id}-internal`}>{t("staff.internalNote")}</label>
            <textarea id={`${id}-internal`} name="internalNote" rows={2} maxLength={4000} />
            <label htmlFor={`${id}-photos`}>{t("staff.workPhotos")}</label>
            <input
              id={`${id}-photos`}
              name="workPhotos"
              type="file"
              accept="image/*"
              capture="environment"
              multiple
            />
            <button type="submit">{t("staff.apply")}</button>
          </fieldset>
        </form>
      ) : null}

      {!held && report.canNote ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void queue(
              { type: "note", internalNote: text(form, "note") },
              photos(form, "notePhotos"),
              e.currentTarget,
            );
          }}
        >
          <fieldset>
            <legend>{t("staff.note")}</legend>
            <label htmlFor={`${id}-note`}>{t("staff.internalNote")}</label>
            <textarea id={`${id}-note`} name="note" rows={2} maxLength={4000} required />
            <label htmlFor={`${id}-note-photos`}>{t("staff.workPhotos")}</label>
            <input
              id={`${id}-note-photos`}
              name="notePhotos"
              type="file"
              accept="image/*"
              capture="environment"
              multiple
            />
            <button type="submit">{t("staff.noteButton")}</button>
          </fieldset>
        </form>
      ) : null}

      {!held && report.canMarkDuplicate ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void queue(
              { type: "mark_duplicate", duplicateOfCode: String(form.get("duplicateOfCode") ?? "").trim() },
              [],
              e.currentTarget,
            );
          }}
        >
          <fieldset>
            <legend>{t("staff.duplicate")}</legend>
            <label htmlFor={`${id}-dup`}>{t("staff.duplicateOf")}</label>
            <input id={`${id}-dup`} name="duplicateOfCode" maxLength={12} required />
            <button type="submit">{t("staff.duplicateButton")}</button>
          </fieldset>
        </form>
      ) : null}

      <h3>{t("staff.trail")}</h3>
      <ol className="timeline" data-testid="field-trail">
        {report.timeline.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{date(e.at)}</time>{" "}
            <strong>
              {t(`staff.kind_${e.kind}` as never)}
              {e.toStatus && e.kind !== "created" ? ` → ${t(`status.${e.toStatus}` as never)}` : ""}
            </strong>
            <span className="hint">
              {" "}
              {[e.actor, e.actorOrganisation].filter(Boolean).join(", ") || t("staff.system")}
            </span>
            {e.publicText ? <p>{e.publicText}</p> : null}
            {e.internalNote ? <p className="internal-note">{e.internalNote}</p> : null}
          </li>
        ))}
        {report.waiting.map((w) => (
          <li key={w.key} className="waiting" data-testid="field-waiting">
            <time dateTime={new Date(w.createdAt).toISOString()}>
              {date(new Date(w.createdAt).toISOString())}
            </time>{" "}
            <strong>
              {w.action.type === "transition" && w.action.to
                ? `→ ${t(`status.${w.action.to}` as never)}`
                : t(`field.action_${w.action.type}` as never)}
            </strong>
            <span className="hint">
              {" "}
              {w.state === "pending" || w.state === "signin" ? t("field.notSentYet") : t("field.held")}
            </span>
            {w.action.publicText ? <p>{w.action.publicText}</p> : null}
            {w.action.internalNote ? <p className="internal-note">{w.action.internalNote}</p> : null}
          </li>
        ))}
      </ol>
    </article>
  );
}
