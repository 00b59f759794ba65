import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { FieldApp } from "@/components/field/FieldApp";
import { Forbidden } from "@/components/staff/Forbidden";
import { staffWithPermission, inStaffScope } from "@/lib/auth/session";
import { getStaffMunicipality } from "@/lib/places/get-municipality";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("field"))("title"), manifest: "/staff/field/manifest.webmanifest" };
}

/** The crew's phone app; it installs to the home screen and keeps working without a connection. */
async function FieldPageContent() {
  const user = await staffWithPermission("reports.act");
  if (!user) return <Forbidden />;
  const t = await getTranslations("field");
  const municipality = await getStaffMunicipality({
    db: await getDb(),
    municipalityIds: user.municipalityIds,
  });
  return (
    <main id="main" className="page narrow field-page">
      <h1>{t("title")}</h1>
      <FieldApp
        municipalityCode={municipality?.code ?? ""}
        bbox={municipality?.bbox ?? [18.8, 42.2, 23.0, 46.2]}
      />
    </main>
  );
}

export default async function FieldPage(...args: Parameters<typeof FieldPageContent>) {
  return inStaffScope(() => FieldPageContent(...args));
}
