import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { asPublic } from "@/lib/auth/db-scope";
import { ReportFlow } from "@/components/forms/ReportFlow";
import { localized, type Locale } from "@/lib/i18n/config";
import { getPublicMunicipality, isUnknownMunicipality } from "@/lib/places/get-municipality";
import { MAX_DESCRIPTION } from "@/lib/reports/file-report";
import { listCategories } from "@/lib/reports/list-categories";
import { listPopularCategories } from "@/lib/reports/list-popular-categories";
import { getTownCentre } from "@/lib/places/get-town-centre";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("report");
  const code = (await searchParams).municipality;
  const municipality = await asPublic((db) => getPublicMunicipality({ db, code }));
  const name = localized(municipality?.name, (await getLocale()) as Locale);
  return {
    title: t("title"),
    description: (await getTranslations("meta"))("reportForm", { municipality: name }),
  };
}

type Props = { searchParams: Promise<{ municipality?: string }> };

/** The report form's choices are read as the public role, as every public page reads. */
export default async function ReportPage(...args: Parameters<typeof ReportPageContent>) {
  return asPublic(() => ReportPageContent(...args));
}

async function ReportPageContent({ searchParams }: Props) {
  const t = await getTranslations("report");
  const locale = (await getLocale()) as Locale;
  const db = await getDb();
  const code = (await searchParams).municipality;
  if (await isUnknownMunicipality({ db, code })) notFound();
  const municipality = await getPublicMunicipality({ db, code });
  if (!municipality) return null;
  const [groups, popular, townCentre] = await Promise.all([
    listCategories({ db, municipalityId: municipality.id, locale }),
    listPopularCategories({ db, municipalityId: municipality.id }),
    getTownCentre({ db, municipalityId: municipality.id }),
  ]);
  return (
    <main id="main" className="page report-page">
      <h1>{t("title")}</h1>
      <ReportFlow
        municipalityCode={municipality.code}
        bbox={municipality.bbox}
        townCentre={townCentre}
        popular={popular}
        groups={groups}
        maxDescription={MAX_DESCRIPTION}
      />
    </main>
  );
}
