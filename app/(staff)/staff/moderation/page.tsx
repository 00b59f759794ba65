import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Forbidden } from "@/components/staff/Forbidden";
import { ModerationControls } from "@/components/moderation/ModerationControls";
import { CommentModeration } from "@/components/moderation/CommentModeration";
import { CommentReview } from "@/components/comments/CommentReview";
import "@/components/comments/comments.css";
import { inStaffScope, staffWithPermission } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { canModerate } from "@/lib/moderation/can-moderate";
import { ConsultationModerationForm } from "@/components/consultations/ConsultationStaffActions";
import { listFlaggedConsultationComments, listModerationQueue } from "@/lib/moderation/list-moderation-queue";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation"))("queueTitle") };
}

async function ModerationQueueContent() {
  // Moderation is decided per municipality and organisation (canModerate), on top of the workspace.
  const user = await staffWithPermission("staff.workspace");
  const db = await getDb();
  if (!user || !(await canModerate({ db, user }))) return <Forbidden />;
  const t = await getTranslations("moderation");
  const items = await listModerationQueue({ db, user, locale: (await getLocale()) as Locale });
  const consultationComments = await listFlaggedConsultationComments({ db, user });
  return (
    <main id="main" className="page moderation-queue">
      <h1>{t("queueTitle")}</h1>
      {items.length === 0 && consultationComments.length === 0 ? <p>{t("queueEmpty")}</p> : null}
      <ul className="moderation-items">
        {items.map((item) => (
          <li key={item.reportId} data-testid="moderation-item">
            <h2>
              <Link href={`/staff/reports/${item.reportId}`}>{item.code}</Link> · {item.category}
            </h2>
            <FlagList flags={item.flags} />
            <ModerationControls {...item} openFlags={item.flags.length} />
            {item.comments.length > 0 ? (
              <>
                <h3>{t("flaggedComments")}</h3>
                <ul className="moderation-comments">
                  {item.comments.map((c) => (
                    <li key={c.id} data-testid="moderation-comment" data-state={c.state}>
                      <p>
                        <strong>{t("original")}:</strong> {c.body}
                      </p>
                      <CommentModeration reportId={item.reportId} comment={c} moderator />
                      {c.state === "held" ? (
                        <CommentReview reportId={item.reportId} commentId={c.id} />
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {consultationComments.length > 0 ? (
        <section aria-labelledby="flagged-consultation-comments">
          <h2 id="flagged-consultation-comments">{t("flaggedConsultationComments")}</h2>
          <ul className="moderation-items">
            {consultationComments.map((c) => (
              <li key={c.id} data-testid="moderation-consultation-comment" data-state={c.state}>
                <h3>
                  <Link href={`/staff/consultations/${c.consultationId}`}>{c.consultationTitle}</Link>
                </h3>
                <FlagList flags={c.flags} />
                <p>
                  <strong>{t("original")}:</strong> {c.body}
                </p>
                {c.publicBody !== null ? (
                  <p className="hint">
                    {t("commentPublicText")}: {c.publicBody}
                  </p>
                ) : null}
                {c.hidden ? <p className="hint">{t("commentHiddenBadge")}</p> : null}
                <ConsultationModerationForm
                  consultationId={c.consultationId}
                  commentId={c.id}
                  actions={c.hidden ? ["show", "dismiss"] : ["hide", "dismiss"]}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

/** The open flags on a report or a comment: reason, where it came from, when, and the flagger's words. */
async function FlagList({
  flags,
}: {
  flags: Array<{ id: number; reason: string; source: string; note: string | null; createdAt: string }>;
}) {
  const t = (await getTranslations("moderation")) as unknown as (key: string) => string;
  const format = await getFormatter();
  return (
    <ul className="moderation-flags">
      {flags.map((f) => (
        <li key={f.id}>
          <strong>{t(`reason.${f.reason}`)}</strong> · {t(`source.${f.source}`)} ·{" "}
          {format.dateTime(new Date(f.createdAt), "mediumWithTime")}
          {f.note ? <p className="hint">{f.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The moderation queue: reports flagged by the public ("report abuse") or by the automatic screen,
 * those the moderator's access policy shows them (the reports the moderation API lets them act on).
 */
export default async function ModerationQueuePage() {
  return inStaffScope(() => ModerationQueueContent());
}
