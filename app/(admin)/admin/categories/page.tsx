import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { AdminChanges } from "@/components/admin/AdminChanges";
import { Forbidden } from "@/components/staff/Forbidden";
import { loadAdminPageScope } from "@/lib/admin/admin-page-scope";
import { listAdminCategories } from "@/lib/admin/list-admin-categories";
import { listAdminChanges } from "@/lib/admin/list-admin-changes";
import { staffWithPermission } from "@/lib/auth/session";
import { localized, type Locale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.categories"))("title") };
}

export default async function AdminCategoriesPage({
  searchParams,
}: {
  searchParams: Promise<{ created?: string }>;
}) {
  const user = await staffWithPermission("admin.manage");
  if (!user) return <Forbidden />;
  const t = await getTranslations("admin");
  const locale = (await getLocale()) as Locale;
  const db = await getDb();
  const scope = await loadAdminPageScope({ db, user });
  const [groups, changes] = await Promise.all([
    listAdminCategories({ db, scope }),
    listAdminChanges({ db, scope, entities: ["category"] }),
  ]);
  return (
    <main id="main" className="page admin-page">
      <h1>{t("categories.title")}</h1>
      {(await searchParams).created ? (
        <p className="banner success" role="status">
          {t("categories.created")}
        </p>
      ) : null}
      <p>
        <Link href="/admin/categories/new" className="nav-cta">
          {t("categories.new")}
        </Link>
      </p>
      <p className="hint">{t("categories.deactivateNote")}</p>
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`group-${g.id}`}>
          <h2 id={`group-${g.id}`}>{localized(g.name, locale)}</h2>
          {g.categories.length === 0 ? (
            <p className="hint">{t("categories.emptyGroup")}</p>
          ) : (
            <table className="queue-table">
              <thead>
                <tr>
                  <th scope="col">{t("categories.name")}</th>
                  <th scope="col">{t("categories.responsibleKind")}</th>
                  <th scope="col">{t("categories.slaShort")}</th>
                  <th scope="col">{t("categories.radiusShort")}</th>
                  <th scope="col">{t("categories.questionsShort")}</th>
                  <th scope="col">{t("organisations.state")}</th>
                </tr>
              </thead>
              <tbody>
                {g.categories.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link href={`/admin/categories/${c.id}`}>{localized(c.name, locale)}</Link>{" "}
                      <span className="hint">{c.serviceCode}</span>
                    </td>
                    <td>
                      {t(`kind.${c.responsibleKind}` as never)}
                      {c.responsibleSector ? ` · ${c.responsibleSector}` : ""}
                    </td>
                    <td>{t("categories.days", { days: c.slaWorkingDays })}</td>
                    <td>{t("categories.metres", { metres: c.duplicateRadiusMetres })}</td>
                    <td>{c.questions.length}</td>
                    <td>
                      {c.active ? t("active") : t("inactive")}
                      {c.isPublic ? "" : ` · ${t("categories.notPublic")}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      <AdminChanges changes={changes} />
    </main>
  );
}
