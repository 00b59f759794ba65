import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Forbidden } from "@/components/staff/Forbidden";
import { IntakeConsole } from "@/components/staff/IntakeConsole";
import { staffWithPermission, inStaffScope } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { getStaffMunicipality } from "@/lib/places/get-municipality";
import { MAX_DESCRIPTION } from "@/lib/reports/file-report";
import { listCategories } from "@/lib/reports/list-categories";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("intake"))("title") };
}

async function IntakePageContent() {
  const user = await staffWithPermission("reports.intake");
  if (!user) return <Forbidden />;
  const t = await getTranslations("intake");
  const locale = (await getLocale()) as Locale;
  const db = await getDb();
  const municipality = await getStaffMunicipality({ db, municipalityIds: user.municipalityIds });
  if (!municipality) return null;
  return (
    <main id="main" className="page intake">
      <h1>{t("title")}</h1>
      <IntakeConsole
        municipalityCode={municipality.code}
        bbox={municipality.bbox}
        groups={await listCategories({ db, municipalityId: municipality.id, locale })}
        maxDescription={MAX_DESCRIPTION}
      />
    </main>
  );
}

export default async function IntakePage(...args: Parameters<typeof IntakePageContent>) {
  return inStaffScope(() => IntakePageContent(...args));
}
