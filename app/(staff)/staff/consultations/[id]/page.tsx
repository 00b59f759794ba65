import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import "@/components/comments/comments.css";
import "@/components/moderation/moderation.css";
import {
  ConsultationAnswerForm,
  ConsultationModerationForm,
  ConsultationStatusButton,
  ConsultationThemeForm,
} from "@/components/consultations/ConsultationStaffActions";
import { Forbidden } from "@/components/staff/Forbidden";
import { hasPermission } from "@/lib/auth/permissions";
import { inStaffScope, staffWithPermission } from "@/lib/auth/session";
import { getStaffConsultation } from "@/lib/consultations/get-staff-consultation";
import { canModerate } from "@/lib/moderation/can-moderate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await getTranslations("consultations"))("staffTitle")} #${(await params).id}` };
}

/** One consultation for the office: open or close it, decide on held comments, answer the published ones. */
async function StaffConsultationContent({ params }: Props) {
  // The permits office opens, closes and answers; moderators decide on comments.
  const user = await staffWithPermission("staff.workspace");
  if (!user) return <Forbidden />;
  const db = await getDb();
  const c = await getStaffConsultation({ db, id: Number((await params).id) });
  if (!c) notFound();
  const office = hasPermission(user, "permits.manage");
  const moderator = await canModerate({ db, user, municipalityId: c.municipalityId });
  if (!office && !moderator) return <Forbidden />;
  const t = await getTranslations("consultations");
  const tm = await getTranslations("moderation");
  const tr = tm as unknown as (key: string) => string;
  const format = await getFormatter();
  // A comment's public state in the history: its state, and whether it was hidden.
  const stateLabel = (state: Record<string, unknown>) =>
    typeof state.state === "string"
      ? `${t(`commentState_${state.state as "held" | "published" | "rejected"}`)}${state.hidden === true ? ` · ${t("commentHidden")}` : ""}`
      : "—";
  return (
    <main id="main" className="page staff-consultation">
      <p>
        <Link href="/staff/consultations">{t("staffTitle")}</Link>
      </p>
      <h1>{c.title}</h1>
      <p>
        {t("statusLabel")}: <strong data-testid="staff-consultation-status">{t(`status_${c.status}`)}</strong>
        {c.closesOn ? ` · ${t("until", { date: c.closesOn })}` : null}
      </p>
      {office && c.status === "draft" ? <ConsultationStatusButton id={c.id} to="open" /> : null}
      {office && c.status === "open" ? <ConsultationStatusButton id={c.id} to="closed" /> : null}
      <h2>{t("question")}</h2>
      <p>{c.question}</p>
      {c.status !== "draft" ? (
        <p>
          <Link href={`/consultations/${c.id}`}>{t("publicPage")}</Link> ·{" "}
          <Link href={`/consultations/${c.id}/summary`}>{t("summaryLink")}</Link>
        </p>
      ) : null}
      <h2>{t("commentsTitle")}</h2>
      {c.comments.length === 0 ? <p className="hint">{t("noComments")}</p> : null}
      <ol className="timeline" data-testid="staff-consultation-comments">
        {c.comments.map((m) => (
          <li key={m.id} data-comment={m.id} data-state={m.state}>
            <time dateTime={m.createdAt}>{format.dateTime(new Date(m.createdAt), "mediumWithTime")}</time>
            <strong>
              {t(`commentState_${m.state}`)}
              {m.hidden ? ` · ${t("commentHidden")}` : null}
              {m.reason ? ` · ${tr(`reason.${m.reason}`)}` : null}
            </strong>
            <p>{m.body}</p>
            {m.publicBody !== null ? (
              <p className="hint">
                {tm("commentPublicText")}: {m.publicBody}
              </p>
            ) : null}
            {m.hasEmail ? <p className="hint">{t("wantsAnswer")}</p> : null}
            {office && m.state !== "rejected" ? (
              <ConsultationThemeForm
                consultationId={c.id}
                commentId={m.id}
                theme={m.theme}
                themes={c.themes}
              />
            ) : m.theme ? (
              <p className="hint" data-testid="comment-theme">
                {t("themeLabel")}: {m.theme}
              </p>
            ) : null}
            {moderator && m.state === "held" ? (
              <ConsultationModerationForm
                consultationId={c.id}
                commentId={m.id}
                actions={["publish", "reject"]}
              />
            ) : null}
            {moderator && m.flags.length > 0 ? (
              <ul className="moderation-flags" data-testid="comment-flags">
                {m.flags.map((f) => (
                  <li key={f.id}>
                    <strong>{tr(`reason.${f.reason}`)}</strong> · {tr("source.public")} ·{" "}
                    {format.dateTime(new Date(f.createdAt), "mediumWithTime")}
                    {f.note ? <p className="hint">{f.note}</p> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {moderator && m.state === "published" ? (
              <ConsultationModerationForm
                consultationId={c.id}
                commentId={m.id}
                actions={m.flags.length > 0 && !m.hidden ? ["hide", "dismiss"] : [m.hidden ? "show" : "hide"]}
              />
            ) : null}
            {m.history.length > 0 ? (
              <details className="moderation-history" data-testid="comment-moderation-history">
                <summary>{tm("historyTitle")}</summary>
                <ol>
                  {m.history.map((h) => (
                    <li key={h.id}>
                      <time dateTime={h.createdAt}>
                        {format.dateTime(new Date(h.createdAt), "mediumWithTime")}
                      </time>{" "}
                      · <strong>{tr(`kind.${h.kind}`)}</strong> · {tr(`reason.${h.reason}`)} ·{" "}
                      {h.actor ?? "—"} ·{" "}
                      {t("historyChange", {
                        before: stateLabel(h.before),
                        after: stateLabel(h.after),
                      })}
                      {h.note ? <p className="hint">{h.note}</p> : null}
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
            {!office && m.answer ? (
              <p className="hint">
                {t("answerTitle")}: {m.answer}
              </p>
            ) : null}
            {office && m.state === "published" ? (
              <ConsultationAnswerForm consultationId={c.id} commentId={m.id} answer={m.answer} />
            ) : null}
          </li>
        ))}
      </ol>
    </main>
  );
}

export default async function StaffConsultationPage(...args: Parameters<typeof StaffConsultationContent>) {
  return inStaffScope(() => StaffConsultationContent(...args));
}
