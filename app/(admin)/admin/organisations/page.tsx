import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { AdminChanges } from "@/components/admin/AdminChanges";
import { Forbidden } from "@/components/staff/Forbidden";
import { loadAdminPageScope } from "@/lib/admin/admin-page-scope";
import { listAdminChanges } from "@/lib/admin/list-admin-changes";
import { listAdminOrganisations } from "@/lib/admin/list-admin-organisations";
import { hasPermission } from "@/lib/auth/permissions";
import { staffWithPermission } from "@/lib/auth/session";
import { localized, type Locale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.organisations"))("title") };
}

export default async function AdminOrganisationsPage() {
  const user = await staffWithPermission("organisation.manage");
  if (!user) return <Forbidden />;
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const db = await getDb();
  const scope = await loadAdminPageScope({ db, user });
  const [organisations, changes] = await Promise.all([
    listAdminOrganisations({ db, scope }),
    listAdminChanges({ db, scope, entities: ["organisation", "service_area"] }),
  ]);
  return (
    <main id="main" className="page admin-page">
      <h1>{t("organisations.title")}</h1>
      {hasPermission(user, "admin.manage") ? (
        <p>
          <Link href="/admin/organisations/new" className="nav-cta">
            {t("organisations.new")}
          </Link>
        </p>
      ) : null}
      <table className="queue-table">
        <caption className="sr-only">{t("organisations.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("organisations.name")}</th>
            <th scope="col">{t("organisations.kind")}</th>
            <th scope="col">{t("sector")}</th>
            <th scope="col">{t("organisations.serviceArea")}</th>
            <th scope="col">{t("organisations.state")}</th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr key={o.id}>
              <td>
                <Link href={`/admin/organisations/${o.id}`}>{localized(o.name, locale)}</Link>{" "}
                <span className="hint">{o.code}</span>
              </td>
              <td>{t(`kind.${o.kind}` as never)}</td>
              <td>
                {o.sector === null
                  ? "—"
                  : t.has(`sectorName.${o.sector}` as never)
                    ? t(`sectorName.${o.sector}` as never)
                    : o.sector}
              </td>
              <td>
                {o.vertices === null
                  ? t("organisations.wholeMunicipality")
                  : t("organisations.areaSummary", {
                      vertices: o.vertices,
                      km2: format.number((o.areaSquareMetres ?? 0) / 1_000_000, { maximumFractionDigits: 2 }),
                    })}
              </td>
              <td>{o.active ? t("active") : t("inactive")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <AdminChanges changes={changes} />
    </main>
  );
}
