import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { AdminChanges } from "@/components/admin/AdminChanges";
import { Forbidden } from "@/components/staff/Forbidden";
import { loadAdminPageScope } from "@/lib/admin/admin-page-scope";
import { listAdminChanges } from "@/lib/admin/list-admin-changes";
import { listAdminOrganisations } from "@/lib/admin/list-admin-organisations";
import { listAdminUsers } from "@/lib/admin/list-admin-users";
import { staffWithPermission } from "@/lib/auth/session";
import { localized, type Locale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("title") };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await staffWithPermission("organisation.manage");
  if (!user) return <Forbidden />;
  const t = await getTranslations("admin");
  const locale = (await getLocale()) as Locale;
  const q = (await searchParams).q?.slice(0, 100) ?? "";
  const db = await getDb();
  const scope = await loadAdminPageScope({ db, user });
  const [users, organisations, changes] = await Promise.all([
    listAdminUsers({ db, scope, q }),
    listAdminOrganisations({ db, scope: { ...scope, all: true } }),
    listAdminChanges({ db, scope, entities: ["user"] }),
  ]);
  const orgName = new Map(organisations.map((o) => [o.id, localized(o.name, locale)]));
  return (
    <main id="main" className="page admin-page">
      <h1>{t("users.title")}</h1>
      <p>
        <Link href="/admin/users/new" className="nav-cta">
          {t("users.new")}
        </Link>
      </p>
      <form method="get" className="row" role="search">
        <label htmlFor="users-q">{t("users.search")}</label>
        <input id="users-q" name="q" type="search" defaultValue={q} />
        <button type="submit">{t("users.searchButton")}</button>
      </form>
      <table className="queue-table">
        <caption className="sr-only">{t("users.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("users.name")}</th>
            <th scope="col">{t("users.email")}</th>
            <th scope="col">{t("users.memberships")}</th>
            <th scope="col">{t("organisations.state")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
              </td>
              <td>{u.email}</td>
              <td>
                {u.memberships
                  .map(
                    (m) =>
                      `${t(`roles.${m.role}` as never)}${m.organisationId ? ` · ${orgName.get(m.organisationId) ?? m.organisationId}` : ""}${m.isLead ? ` (${t("users.lead")})` : ""}`,
                  )
                  .join("; ")}
              </td>
              <td>
                {u.active ? t("active") : t("inactive")}
                {u.mustChangePassword ? ` · ${t("users.mustChange")}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {users.length === 0 ? <p className="hint">{t("users.none")}</p> : null}
      <AdminChanges changes={changes} />
    </main>
  );
}
