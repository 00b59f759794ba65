import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { AdminChanges } from "@/components/admin/AdminChanges";
import { OrganisationForm } from "@/components/admin/OrganisationForm";
import { ServiceAreaEditor } from "@/components/admin/ServiceAreaEditor";
import { Forbidden } from "@/components/staff/Forbidden";
import { loadAdminPageScope } from "@/lib/admin/admin-page-scope";
import { listAdminChanges } from "@/lib/admin/list-admin-changes";
import { getAdminOrganisation } from "@/lib/admin/list-admin-organisations";
import { hasPermission } from "@/lib/auth/permissions";
import { staffWithPermission } from "@/lib/auth/session";
import { localized, type Locale } from "@/lib/i18n/config";
import { getMunicipalityById } from "@/lib/places/get-municipality";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.organisations"))("editTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function OrganisationPage({ params, searchParams }: Props) {
  const user = await staffWithPermission("organisation.manage");
  if (!user) return <Forbidden />;
  const id = Number((await params).id);
  const db = await getDb();
  const scope = await loadAdminPageScope({ db, user });
  const organisation = Number.isInteger(id) ? await getAdminOrganisation({ db, scope, id }) : null;
  if (!organisation) notFound();
  const t = await getTranslations("admin.organisations");
  const locale = (await getLocale()) as Locale;
  const [municipality, changes] = await Promise.all([
    getMunicipalityById({ db, id: organisation.municipalityId }),
    listAdminChanges({ db, scope, entities: ["organisation", "service_area"], entityId: organisation.id }),
  ]);
  return (
    <main id="main" className="page admin-page">
      <h1>{localized(organisation.name, locale)}</h1>
      {(await searchParams).created ? (
        <p className="banner success" role="status">
          {t("created")}
        </p>
      ) : null}
      {hasPermission(user, "admin.manage") ? (
        <OrganisationForm
          id={organisation.id}
          initial={{
            code: organisation.code,
            name: { "sr-Latn": organisation.name["sr-Latn"], en: organisation.name.en },
            kind: organisation.kind as never,
            sector: organisation.sector ?? "",
            email: organisation.email ?? "",
            phone: organisation.phone ?? "",
            active: organisation.active,
          }}
        />
      ) : null}
      {municipality ? (
        <ServiceAreaEditor
          organisationId={organisation.id}
          municipalityCode={municipality.code}
          bbox={municipality.bbox}
          current={organisation.serviceArea}
        />
      ) : null}
      <AdminChanges changes={changes} />
    </main>
  );
}
