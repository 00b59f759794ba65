import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { PlannedWorks } from "@/components/permits/PlannedWorks";
import { getDefaultMunicipality } from "@/lib/places/get-municipality";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("permits"))("plannedTitle"),
    description: (await getTranslations("meta"))("permitsPlanned"),
  };
}

/** "What is planned here?" for a point or a drawn area. */
export default async function PlannedPage() {
  const t = await getTranslations("permits");
  const municipality = await getDefaultMunicipality({ db: await getDb() });
  if (!municipality) return null;
  return (
    <main id="main" className="page narrow">
      <h1>{t("plannedTitle")}</h1>
      <p>{t("plannedIntro")}</p>
      <PlannedWorks municipalityCode={municipality.code} bbox={municipality.bbox} />
    </main>
  );
}
