import { getTranslations } from "next-intl/server";
import { ModerationAction } from "./ModerationAction";
import "./moderation.css";

type Props = {
  reportId: number;
  comment: {
    id: number;
    publicBody: string | null;
    state: "held" | "published" | "rejected";
    hidden: boolean;
    openFlags?: number;
  };
  moderator: boolean;
};

/**
 * A citizen's comment as a moderator sees it beside the original: the text the public reads when
 * contacts were masked, whether it is hidden, and the step to hide or show it (published ones; a
 * held one is published or rejected with the review buttons).
 */
export async function CommentModeration({ reportId, comment, moderator }: Props) {
  const t = await getTranslations("moderation");
  return (
    <div className="comment-moderation" data-testid={`comment-moderation-${comment.id}`}>
      {comment.hidden ? (
        <p>
          <strong className="badge status-closed" data-testid="comment-hidden">
            {t("commentHiddenBadge")}
          </strong>
        </p>
      ) : null}
      {comment.publicBody !== null ? (
        <p className="hint">
          {t("commentPublicText")}: <span data-testid="comment-public-body">{comment.publicBody}</span>
        </p>
      ) : null}
      {comment.openFlags ? <p className="hint">{t("commentFlags", { count: comment.openFlags })}</p> : null}
      {moderator && comment.state === "published" ? (
        <ModerationAction
          reportId={reportId}
          step={{ type: comment.hidden ? "show_comment" : "hide_comment", commentId: comment.id }}
          label={comment.hidden ? t("showComment") : t("hideComment")}
        />
      ) : null}
    </div>
  );
}
