import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CategoryForm } from "@/components/admin/CategoryForm";
import { Forbidden } from "@/components/staff/Forbidden";
import { loadAdminPageScope } from "@/lib/admin/admin-page-scope";
import { DUPLICATE_RADIUS_METRES } from "@/lib/admin/category-schema";
import { listAdminCategories } from "@/lib/admin/list-admin-categories";
import { staffWithPermission } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { groupChoices } from "../load-category-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.categories"))("new") };
}

export default async function NewCategoryPage() {
  const user = await staffWithPermission("admin.manage");
  if (!user) return <Forbidden />;
  const t = await getTranslations("admin.categories");
  const db = await getDb();
  const groups = await listAdminCategories({ db, scope: await loadAdminPageScope({ db, user }) });
  return (
    <main id="main" className="page narrow admin-page">
      <h1>{t("new")}</h1>
      <CategoryForm
        groups={groupChoices(groups, (await getLocale()) as Locale)}
        radius={DUPLICATE_RADIUS_METRES}
      />
    </main>
  );
}
