import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { PermitForm } from "@/components/permits/PermitForm";
import { Forbidden } from "@/components/staff/Forbidden";
import { staffWithPermission, inStaffScope } from "@/lib/auth/session";
import { getStaffMunicipality } from "@/lib/places/get-municipality";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("permits"))("newPermit") };
}

async function NewPermitPageContent() {
  const user = await staffWithPermission("permits.manage");
  if (!user) return <Forbidden />;
  const t = await getTranslations("permits");
  const municipality = await getStaffMunicipality({
    db: await getDb(),
    municipalityIds: user.municipalityIds,
  });
  if (!municipality) return null;
  return (
    <main id="main" className="page narrow">
      <h1>{t("newPermit")}</h1>
      <PermitForm mode="create" municipalityCode={municipality.code} bbox={municipality.bbox} />
    </main>
  );
}

export default async function NewPermitPage(...args: Parameters<typeof NewPermitPageContent>) {
  return inStaffScope(() => NewPermitPageContent(...args));
}
