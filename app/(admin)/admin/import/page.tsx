import type { Metadata } from "next";
import { inArray } from "drizzle-orm";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import * as t from "@/db/schema";
import { Forbidden } from "@/components/staff/Forbidden";
import { staffWithPermission } from "@/lib/auth/session";
import { localized, type Locale } from "@/lib/i18n/config";
import { ImportForm } from "./ImportForm";
import "../setup/setup.css";
import { loadAdminPageScope } from "@/lib/admin/admin-page-scope";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("import"))("title") };
}

/** Bulk import of historical reports from a CSV export of another system. */
export default async function ImportPage() {
  const user = await staffWithPermission("admin.manage");
  if (!user) return <Forbidden />;
  const tr = await getTranslations("import");
  const locale = (await getLocale()) as Locale;
  const db = await getDb();
  const scope = await loadAdminPageScope({ db, user });
  const listed = user.municipalityIds.length
    ? await db
        .select({ id: t.municipalities.id, code: t.municipalities.code, name: t.municipalities.name })
        .from(t.municipalities)
        .where(inArray(t.municipalities.id, user.municipalityIds))
    : [];
  // The form opens on the municipality chosen in the menu.
  const own = [...listed].sort(
    (a, b) => Number(b.id === scope.municipalityId) - Number(a.id === scope.municipalityId),
  );
  return (
    <main id="main" className="page narrow import-page">
      <h1>{tr("title")}</h1>
      <p>{tr("intro")}</p>
      <ImportForm municipalities={own.map((m) => ({ code: m.code, name: localized(m.name, locale) }))} />
    </main>
  );
}
