import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { AdminChanges } from "@/components/admin/AdminChanges";
import { Open311EndpointForm } from "@/components/admin/Open311EndpointForm";
import { Open311KeyRequests } from "@/components/admin/Open311KeyRequests";
import { Forbidden } from "@/components/staff/Forbidden";
import { loadAdminPageScope } from "@/lib/admin/admin-page-scope";
import { listAdminCategories } from "@/lib/admin/list-admin-categories";
import { listAdminChanges } from "@/lib/admin/list-admin-changes";
import { listAdminOrganisations } from "@/lib/admin/list-admin-organisations";
import { listOpen311Endpoints } from "@/lib/admin/list-open311-endpoints";
import { listOpen311KeyRequests } from "@/lib/open311/keys/list-open311-key-requests";
import { staffWithPermission } from "@/lib/auth/session";
import { localized, type Locale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.open311"))("title") };
}

export default async function AdminOpen311Page() {
  const user = await staffWithPermission("admin.manage");
  if (!user) return <Forbidden />;
  const t = await getTranslations("admin.open311");
  const locale = (await getLocale()) as Locale;
  const db = await getDb();
  const scope = await loadAdminPageScope({ db, user });
  const [endpoints, organisations, groups, changes, keyRequests] = await Promise.all([
    listOpen311Endpoints({ db, scope }),
    listAdminOrganisations({ db, scope }),
    listAdminCategories({ db, scope }),
    listAdminChanges({ db, scope, entities: ["open311_endpoint", "open311_key_request"] }),
    listOpen311KeyRequests({ db }),
  ]);
  const orgChoices = organisations.map((o) => ({ id: o.id, name: localized(o.name, locale) }));
  const categories = groups
    .flatMap((g) => g.categories)
    .map((c) => ({ id: c.id, name: `${localized(c.name, locale)} (${c.serviceCode})` }));
  return (
    <main id="main" className="page narrow admin-page">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro", { standard: "GeoReport v2" })}</p>
      {endpoints.length === 0 ? <p className="hint">{t("none")}</p> : null}
      {endpoints.map((e) => (
        <section key={e.id} className="admin-endpoint">
          <p className="hint">{t("forwards", { count: e.forwards })}</p>
          <Open311EndpointForm
            id={e.id}
            apiKeyMasked={e.apiKeyMasked}
            initial={{
              organisationId: e.organisationId,
              name: e.name,
              baseUrl: e.baseUrl,
              jurisdictionId: e.jurisdictionId ?? "",
              active: e.active,
              rules: e.rules,
            }}
            organisations={orgChoices}
            categories={categories}
          />
        </section>
      ))}
      <section className="admin-endpoint">
        <Open311EndpointForm organisations={orgChoices} categories={categories} />
      </section>
      <Open311KeyRequests
        requests={keyRequests.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          decidedAt: r.decidedAt?.toISOString() ?? null,
        }))}
      />
      <AdminChanges changes={changes} />
    </main>
  );
}
