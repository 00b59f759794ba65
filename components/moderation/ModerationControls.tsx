import { getTranslations } from "next-intl/server";
import { ModerationAction } from "./ModerationAction";
import "./moderation.css";

type Props = {
  reportId: number;
  description: string;
  publicDescription: string | null;
  address: string | null;
  publicAddress: string | null;
  hidden: boolean;
  openFlags: number;
  photos: Array<{ id: number; hidden: boolean }>;
};

/** The moderator's view of a report's public content: original beside public text, photos, and the steps. */
export async function ModerationControls(p: Props) {
  const t = await getTranslations("moderation");
  return (
    <div className="moderation-controls">
      {p.hidden ? (
        <p>
          <strong className="badge status-closed" data-testid="moderation-hidden">
            {t("hiddenBadge")}
          </strong>
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("original")}</dt>
        <dd>{p.description}</dd>
        {p.publicDescription !== null ? (
          <>
            <dt>{t("publicDescription")}</dt>
            <dd data-testid="moderation-public-description">{p.publicDescription}</dd>
          </>
        ) : null}
        {p.publicAddress !== null ? (
          <>
            <dt>{t("publicAddress")}</dt>
            <dd>
              {p.publicAddress || "—"} <span className="hint">({p.address ?? "—"})</span>
            </dd>
          </>
        ) : null}
      </dl>
      <div className="row">
        <ModerationAction
          reportId={p.reportId}
          step={{ type: p.hidden ? "show_report" : "hide_report" }}
          label={p.hidden ? t("showReport") : t("hideReport")}
        />
        <ModerationAction
          reportId={p.reportId}
          step={{
            type: "redact_report",
            description: p.publicDescription ?? p.description,
            address: p.publicAddress ?? p.address ?? "",
          }}
          label={t("redact")}
        />
        {p.openFlags > 0 ? (
          <ModerationAction
            reportId={p.reportId}
            step={{ type: "dismiss_flags" }}
            label={t("dismissFlags")}
          />
        ) : null}
      </div>
      {p.photos.length > 0 ? (
        <ul className="photos moderation-photos">
          {p.photos.map((photo, i) => (
            <li key={photo.id} data-testid={`moderation-photo-${photo.id}`}>
              {/* eslint-disable-next-line @next/next/no-img-element -- served by the staff photo route */}
              <img
                src={`/api/staff/attachments/${photo.id}`}
                alt={t("photoAlt", { n: i + 1 })}
                loading="lazy"
              />
              {photo.hidden ? <span className="badge status-closed">{t("photoHidden")}</span> : null}
              <ModerationAction
                reportId={p.reportId}
                step={{ type: photo.hidden ? "show_photo" : "hide_photo", attachmentId: photo.id }}
                label={photo.hidden ? t("showPhoto", { n: i + 1 }) : t("hidePhoto", { n: i + 1 })}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
