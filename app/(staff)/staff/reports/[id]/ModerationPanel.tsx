import { getFormatter, getTranslations } from "next-intl/server";
import { asStaff } from "@/lib/auth/db-scope";
import { ModerationControls } from "@/components/moderation/ModerationControls";
import type { SessionUser } from "@/lib/auth/staff-user";
import { canModerate } from "@/lib/moderation/can-moderate";
import { getModerationState } from "@/lib/moderation/get-moderation-state";
import { listModerationHistory } from "@/lib/moderation/list-moderation-history";

/**
 * On a report's staff page: the moderation steps (moderators only) and the moderation history (all
 * staff who see the report). React may render it once the page's own scope has ended, so it reads
 * through a scope of its own (or the page's, while that is open).
 */
export async function ModerationPanel({ reportId, user }: { reportId: number; user: SessionUser }) {
  const read = await asStaff(user.claims, async (db) => {
    const state = await getModerationState({ db, reportId });
    if (!state) return null;
    const history = await listModerationHistory({ db, reportId });
    const moderator = await canModerate({ db, user, municipalityId: state.municipalityId });
    return { state, history, moderator };
  });
  if (!read) return null;
  const { state, history, moderator } = read;
  if (!moderator && history.length === 0) return null;
  const t = await getTranslations("moderation");
  const tt = t as unknown as (key: string) => string;
  const format = await getFormatter();
  const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));
  return (
    <section aria-labelledby="moderation-title" className="moderation-panel" data-testid="moderation-panel">
      <h2 id="moderation-title">{t("panelTitle")}</h2>
      {moderator ? <ModerationControls {...state} /> : null}
      <h3>{t("historyTitle")}</h3>
      {history.length === 0 ? (
        <p className="hint">{t("historyEmpty")}</p>
      ) : (
        <ol className="moderation-history" data-testid="moderation-history">
          {history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.createdAt}>{format.dateTime(new Date(h.createdAt), "mediumWithTime")}</time>{" "}
              <strong>{tt(`kind.${h.kind}`)}</strong> · {tt(`reason.${h.reason}`)} ·{" "}
              {h.actor ?? t("automatic")}
              {h.note ? <p className="hint">{h.note}</p> : null}
              {Object.keys(h.after).length > 0 ? (
                <ul className="hint">
                  {Object.keys(h.after).map((key) => (
                    <li key={key}>
                      {key}: {show(h.before[key])} → {show(h.after[key])}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
