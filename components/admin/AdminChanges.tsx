import { getFormatter, getTranslations } from "next-intl/server";
import type { AdminChange } from "@/lib/admin/list-admin-changes";

/** The recent changes under an admin page: who did what, when, and which fields changed. */
export async function AdminChanges({ changes }: { changes: AdminChange[] }) {
  const t = await getTranslations("admin");
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const format = await getFormatter();
  return (
    <section className="admin-changes" aria-labelledby="admin-changes-title">
      <h2 id="admin-changes-title">{t("changes.title")}</h2>
      {changes.length === 0 ? (
        <p className="hint">{t("changes.none")}</p>
      ) : (
        <ul>
          {changes.map((c) => (
            <li key={c.id}>
              <time dateTime={c.at}>{format.dateTime(new Date(c.at), "mediumWithTime")}</time>{" "}
              {tt("changes.line", {
                actor: c.actorName ?? t("changes.system"),
                entity: tt(`changes.entity.${c.entity}`),
                id: c.entityId,
                action: tt(`changes.action.${c.action}`),
              })}
              {c.changedFields.length > 0 && c.action === "updated" ? (
                <span className="hint"> ({c.changedFields.join(", ")})</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
