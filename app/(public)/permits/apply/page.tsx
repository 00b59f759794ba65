import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { PermitForm } from "@/components/permits/PermitForm";
import { getDefaultMunicipality } from "@/lib/places/get-municipality";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("permits"))("applyTitle"),
    description: (await getTranslations("meta"))("permitsApply"),
  };
}

/** One-stop shop: apply online for a construction, excavation, street-occupancy or event permit. */
export default async function ApplyPage() {
  const t = await getTranslations("permits");
  const municipality = await getDefaultMunicipality({ db: await getDb() });
  if (!municipality) return null;
  return (
    <main id="main" className="page narrow">
      <h1>{t("applyTitle")}</h1>
      <p>{t("applyIntro")}</p>
      <p>
        <Link href="/permits/track">{t("trackTitle")}</Link> ·{" "}
        <Link href="/permits/planned">{t("plannedTitle")}</Link>
      </p>
      <PermitForm mode="apply" municipalityCode={municipality.code} bbox={municipality.bbox} />
    </main>
  );
}
