import { getFormatter, getTranslations } from "next-intl/server";
import { ReportAbuse } from "@/components/moderation/ReportAbuse";
import type { PublicConsultationComment } from "@/lib/consultations/get-public-consultation";

/** A consultation's public comments with the office's answers; a hidden one says it was moderated. */
export async function ConsultationComments({
  consultationId,
  comments,
}: {
  /** The consultation's page: each shown comment has its "report this comment" link (not in the printed summary). */
  consultationId?: number;
  comments: PublicConsultationComment[];
}) {
  const t = await getTranslations("consultations");
  const format = await getFormatter();
  if (comments.length === 0) return <p className="hint">{t("noComments")}</p>;
  return (
    <ol className="timeline" data-testid="consultation-comments">
      {comments.map((c) => (
        <li key={c.id} data-comment={c.id}>
          <time dateTime={c.createdAt}>{format.dateTime(new Date(c.createdAt), "mediumWithTime")}</time>
          {c.hidden ? <p className="hint">{t("commentHiddenPublic")}</p> : <p>{c.body}</p>}
          {c.moderated && !c.hidden ? <p className="hint">{t("commentMasked")}</p> : null}
          {c.answer ? (
            <div className="consultation-answer">
              <strong>{t("answerTitle")}</strong>
              <p>{c.answer}</p>
            </div>
          ) : null}
          {c.hidden || consultationId === undefined ? null : (
            <ReportAbuse consultationId={consultationId} commentId={c.id} />
          )}
        </li>
      ))}
    </ol>
  );
}
