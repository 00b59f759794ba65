import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import * as t from "@/db/schema";
import { Forbidden } from "@/components/staff/Forbidden";
import { loadAdminPageScope } from "@/lib/admin/admin-page-scope";
import { staffWithPermission } from "@/lib/auth/session";
import { localized, type Locale } from "@/lib/i18n/config";
import { getModerationSettings } from "@/lib/moderation/moderation-settings";
import { searchContactViews } from "@/lib/privacy/log-contact-view";
import { getPrivacySettings } from "@/lib/privacy/privacy-settings";
import { listRetentionRuns } from "@/lib/privacy/run-retention";
import { saveDataProtectionSettings } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("title") };
}

type Search = { municipality?: string; user?: string; code?: string; from?: string; to?: string };

const day = (v: string | undefined) =>
  v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : undefined;

/**
 * Data protection for one municipality: retention periods and the last nightly runs, moderation
 * (listed words, comment mode, organisations that moderate), and the log of staff views of contacts.
 */
export default async function AdminPrivacyPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await staffWithPermission("admin.manage");
  if (!user) return <Forbidden />;
  const db = await getDb();
  const scope = await loadAdminPageScope({ db, user });
  const search = await searchParams;
  const municipalityId = scope.municipalityIds.includes(Number(search.municipality))
    ? Number(search.municipality)
    : scope.municipalityId;
  if (municipalityId === null) return <Forbidden />;
  const t_ = await getTranslations("privacy");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const [privacy, moderation, runs, organisations] = await Promise.all([
    getPrivacySettings({ db, municipalityId }),
    getModerationSettings({ db, municipalityId }),
    listRetentionRuns({ db, municipalityIds: [municipalityId], limit: 5 }),
    db
      .select({
        id: t.organisations.id,
        name: t.organisations.name,
        canModerate: t.organisations.canModerate,
      })
      .from(t.organisations)
      .where(eq(t.organisations.municipalityId, municipalityId))
      .orderBy(asc(t.organisations.id)),
  ]);
  const views = await searchContactViews({
    db,
    municipalityIds: [municipalityId],
    user: search.user?.trim() || undefined,
    reportCode: search.code?.trim() || undefined,
    from: day(search.from),
    to: day(search.to) ? new Date(day(search.to)!.getTime() + 86_400_000) : undefined,
    limit: 100,
  });
  const when = (v: string | Date) => format.dateTime(new Date(v), "mediumWithTime");
  const tt = t_ as unknown as (key: string) => string;
  return (
    <main id="main" className="page admin-page">
      <h1>{t_("title")}</h1>
      <p className="hint">{t_("intro")}</p>
      <form action={saveDataProtectionSettings} className="admin-form">
        <input type="hidden" name="municipalityId" value={municipalityId} />
        <fieldset>
          <legend>{t_("retentionTitle")}</legend>
          <label htmlFor="contact-months">{t_("contactMonths")}</label>
          <input
            id="contact-months"
            name="contactRetentionMonths"
            type="number"
            min={1}
            max={240}
            defaultValue={privacy.contactRetentionMonths}
          />
          <label htmlFor="photo-months">{t_("photoMonths")}</label>
          <input
            id="photo-months"
            name="photoRetentionMonths"
            type="number"
            min={1}
            max={240}
            defaultValue={privacy.photoRetentionMonths}
          />
        </fieldset>
        <fieldset>
          <legend>{t_("moderationTitle")}</legend>
          <label htmlFor="held-words">{t_("heldWords")}</label>
          <textarea
            id="held-words"
            name="heldWords"
            rows={4}
            defaultValue={moderation.heldWords.join("\n")}
          />
          <p className="hint">{t_("heldWordsHint")}</p>
          <label htmlFor="comment-moderation">{t_("commentModeration")}</label>
          <select
            id="comment-moderation"
            name="commentModeration"
            defaultValue={moderation.commentModeration}
          >
            <option value="post">{t_("commentPost")}</option>
            <option value="pre">{t_("commentPre")}</option>
          </select>
          <p>{t_("moderatingOrganisations")}</p>
          {organisations.map((o) => (
            <label key={o.id} className="checkbox">
              <input type="checkbox" name="granted" value={o.id} defaultChecked={o.canModerate} />{" "}
              {localized(o.name, locale)}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t_("save")}</button>
      </form>

      <h2>{t_("runsTitle")}</h2>
      {runs.length === 0 ? (
        <p className="hint">{t_("noRuns")}</p>
      ) : (
        <table data-testid="retention-runs">
          <thead>
            <tr>
              <th>{t_("ranAt")}</th>
              <th>{t_("contactsAnonymised")}</th>
              <th>{t_("followersRemoved")}</th>
              <th>{t_("photosRemoved")}</th>
              <th>{t_("consultationEmailsRemoved")}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r, i) => (
              <tr key={i}>
                <td>{when(r.ran_at)}</td>
                <td>{r.contacts_anonymised}</td>
                <td>{r.followers_removed}</td>
                <td>{r.photos_removed}</td>
                <td>{r.consultation_emails_removed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t_("viewsTitle")}</h2>
      <form method="get" className="row">
        <input type="hidden" name="municipality" value={municipalityId} />
        <label>
          {t_("viewsUser")} <input name="user" defaultValue={search.user ?? ""} />
        </label>
        <label>
          {t_("viewsCode")} <input name="code" defaultValue={search.code ?? ""} />
        </label>
        <label>
          {t_("viewsFrom")} <input type="date" name="from" defaultValue={search.from ?? ""} />
        </label>
        <label>
          {t_("viewsTo")} <input type="date" name="to" defaultValue={search.to ?? ""} />
        </label>
        <button type="submit">{t_("viewsSearch")}</button>
      </form>
      <table data-testid="contact-views">
        <thead>
          <tr>
            <th>{t_("viewedAt")}</th>
            <th>{t_("viewsUser")}</th>
            <th>{t_("viewsCode")}</th>
            <th>{t_("screen")}</th>
          </tr>
        </thead>
        <tbody>
          {views.map((v, i) => (
            <tr key={i}>
              <td>{when(v.viewedAt)}</td>
              <td>
                {v.user} ({v.userEmail})
              </td>
              <td>{v.reportCode}</td>
              <td>{tt(`screen_${v.screen}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
