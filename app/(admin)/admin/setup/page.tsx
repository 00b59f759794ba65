import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { queryOne } from "@/db/query";
import {
  adminMunicipalityCookie,
  loadAdminScope,
  scopeInRememberedMunicipality,
} from "@/lib/admin/admin-scope";
import { Forbidden } from "@/components/staff/Forbidden";
import { staffWithPermission } from "@/lib/auth/session";
import { serbianHolidays } from "@/lib/calendar/serbian-holidays";
import { localized, type Locale } from "@/lib/i18n/config";
import { toCyrillic } from "@/lib/i18n/transliterate";
import { catalogueCategories, catalogueGroups, catalogueOrganisations } from "@/lib/onboarding/catalogue";
import { getOrStartSetupDraft } from "@/lib/onboarding/setup-draft";
import { AddressPointsUpload } from "./AddressPointsUpload";
import { SetupWizard } from "./SetupWizard";
import "./setup.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setup"))("title") };
}

/** A new municipality, step by step: the admin's answers are kept on the server until they finish. */
export default async function SetupPage() {
  const user = await staffWithPermission("admin.manage");
  if (!user) return <Forbidden />;
  const t = await getTranslations("setup");
  const locale = (await getLocale()) as Locale;
  const db = await getDb();
  const draft = await getOrStartSetupDraft({ db, userId: user.id });
  // The address points belong to the municipality the administrator works in now (menu choice).
  const scope = scopeInRememberedMunicipality(
    await loadAdminScope({ db, user }),
    (await cookies()).get(adminMunicipalityCookie)?.value,
  );
  const current =
    scope.all && scope.municipalityId !== null
      ? await queryOne<{ name: { "sr-Latn": string; en: string }; count: number }>(
          db,
          sql`select m.name, (select count(*)::int from address_points a where a.municipality_id = m.id) as count
              from municipalities m where m.id = ${scope.municipalityId}`,
        )
      : null;
  const year = new Date().getFullYear();
  const name = (n: { "sr-Latn": string; en: string }) =>
    localized({ ...n, "sr-Cyrl": toCyrillic(n["sr-Latn"]) }, locale);
  return (
    <main id="main" className="page setup-page">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <SetupWizard
        initial={draft.data}
        catalogue={{
          categories: catalogueCategories,
          organisations: catalogueOrganisations.map((o) => ({ ...o, email: null, serviceArea: null })),
          groups: catalogueGroups.map((g) => ({ code: g.code, name: name(g.name) })),
        }}
        holidays={[...serbianHolidays(year), ...serbianHolidays(year + 1)]}
      />
      {current ? <AddressPointsUpload municipality={name(current.name)} count={current.count} /> : null}
    </main>
  );
}
