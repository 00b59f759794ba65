import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { asPublic } from "@/lib/auth/db-scope";
import type { Locale } from "@/lib/i18n/config";
import { getPublicReport } from "@/lib/reports/get-public-report";
import { normaliseTrackingCode } from "@/lib/reports/tracking-code";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("track"))("title"),
    description: (await getTranslations("meta"))("track"),
  };
}

type Props = { searchParams: Promise<{ code?: string }> };

/** Find a report by its number. A plain GET form: works without JavaScript and can be bookmarked. */
export default async function TrackPage({ searchParams }: Props) {
  const t = await getTranslations("track");
  const { code: raw } = await searchParams;
  let problem: "invalid" | "notFound" | null = null;
  if (raw !== undefined) {
    const code = normaliseTrackingCode(raw);
    if (!code) problem = "invalid";
    else if (
      await asPublic(async (db) => getPublicReport({ db, code, locale: (await getLocale()) as Locale }))
    )
      redirect(`/reports/${code}`);
    else problem = "notFound";
  }
  return (
    <main id="main" className="page narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <form method="get" action="/track" className="track-form">
        <label htmlFor="code">{t("label")}</label>
        <input
          id="code"
          name="code"
          defaultValue={raw ?? ""}
          autoCapitalize="characters"
          autoComplete="off"
          maxLength={12}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? "code-error" : undefined}
          required
        />
        {problem ? (
          <p id="code-error" className="form-error" role="alert">
            {t(problem)}
          </p>
        ) : null}
        <button type="submit" className="primary">
          {t("submit")}
        </button>
      </form>
    </main>
  );
}
