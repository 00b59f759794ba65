import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { PermitForm } from "@/components/permits/PermitForm";
import { Forbidden } from "@/components/staff/Forbidden";
import { staffWithPermission, inStaffScope } from "@/lib/auth/session";
import { getStaffMunicipality } from "@/lib/places/get-municipality";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("permits"))("counterTitle") };
}

/** One-stop shop at the counter: an agent files an application on the applicant's behalf. */
async function CounterApplicationPageContent() {
  const user = await staffWithPermission("permits.counter");
  if (!user) return <Forbidden />;
  const t = await getTranslations("permits");
  const municipality = await getStaffMunicipality({
    db: await getDb(),
    municipalityIds: user.municipalityIds,
  });
  if (!municipality) return null;
  return (
    <main id="main" className="page narrow">
      <h1>{t("counterTitle")}</h1>
      <p>{t("counterIntro")}</p>
      <PermitForm mode="counter" municipalityCode={municipality.code} bbox={municipality.bbox} />
    </main>
  );
}

export default async function CounterApplicationPage(
  ...args: Parameters<typeof CounterApplicationPageContent>
) {
  return inStaffScope(() => CounterApplicationPageContent(...args));
}
