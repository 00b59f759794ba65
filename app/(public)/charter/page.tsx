import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { asPublic } from "@/lib/auth/db-scope";
import { localized, type Locale } from "@/lib/i18n/config";
import { getPublicMunicipality, isUnknownMunicipality } from "@/lib/places/get-municipality";
import { CHARTER_WINDOW_DAYS, getCharter } from "@/lib/workflow/get-charter";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ municipality?: string }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("charter");
  const locale = (await getLocale()) as Locale;
  const code = (await searchParams).municipality;
  const municipality = await asPublic((db) => getPublicMunicipality({ db, code }));
  const name = localized(municipality?.name, locale);
  return {
    title: t("title", { municipality: name }),
    description: (await getTranslations("meta"))("charter", { municipality: name }),
  };
}

/** The charter reads as the public role: the promised times, and the counts the database publishes. */
export default async function CharterPage(...args: Parameters<typeof CharterPageContent>) {
  return asPublic(() => CharterPageContent(...args));
}

async function CharterPageContent({ searchParams }: Props) {
  const t = await getTranslations("charter");
  const locale = (await getLocale()) as Locale;
  const db = await getDb();
  const code = (await searchParams).municipality;
  if (await isUnknownMunicipality({ db, code })) notFound();
  const municipality = await getPublicMunicipality({ db, code });
  if (!municipality) return null;
  const groups = await getCharter({ db, municipalityId: municipality.id, locale });
  return (
    <main id="main" className="page narrow charter">
      <h1>{t("title", { municipality: localized(municipality.name, locale) })}</h1>
      <p>{t("intro", { days: CHARTER_WINDOW_DAYS })}</p>
      {groups.map((group) => (
        <section key={group.code} aria-labelledby={`group-${group.code}`}>
          <h2 id={`group-${group.code}`}>{group.name}</h2>
          <div className="table-scroll" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("category")}</th>
                  <th scope="col">{t("promise")}</th>
                  <th scope="col">{t("onTime")}</th>
                </tr>
              </thead>
              <tbody>
                {group.categories.map((category) => (
                  <tr key={category.serviceCode} data-service-code={category.serviceCode}>
                    <th scope="row">{category.name}</th>
                    <td>
                      {t("workingDays", { days: category.slaWorkingDays })}
                      {category.pausesWhenScheduled ? <sup title={t("paused")}>*</sup> : null}
                    </td>
                    <td>
                      {category.dueTotal === 0
                        ? t("noneDue")
                        : t("share", {
                            percent: Math.round((100 * category.onTime) / category.dueTotal),
                            total: category.dueTotal,
                          })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <p className="note">* {t("paused")}</p>
      <p className="note">{t("calendarNote")}</p>
    </main>
  );
}
