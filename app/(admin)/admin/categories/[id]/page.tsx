import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { AdminChanges } from "@/components/admin/AdminChanges";
import { CategoryForm } from "@/components/admin/CategoryForm";
import { Forbidden } from "@/components/staff/Forbidden";
import { loadAdminPageScope } from "@/lib/admin/admin-page-scope";
import { DUPLICATE_RADIUS_METRES } from "@/lib/admin/category-schema";
import { listAdminCategories } from "@/lib/admin/list-admin-categories";
import { listAdminChanges } from "@/lib/admin/list-admin-changes";
import { staffWithPermission } from "@/lib/auth/session";
import { localized, type Locale } from "@/lib/i18n/config";
import { categoryFormValues, groupChoices } from "../load-category-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.categories"))("editTitle") };
}

export default async function EditCategoryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await staffWithPermission("admin.manage");
  if (!user) return <Forbidden />;
  const id = Number((await params).id);
  const db = await getDb();
  const scope = await loadAdminPageScope({ db, user });
  const groups = await listAdminCategories({ db, scope });
  const category = groups.flatMap((g) => g.categories).find((c) => c.id === id);
  if (!category) notFound();
  const locale = (await getLocale()) as Locale;
  const changes = await listAdminChanges({ db, scope, entities: ["category"], entityId: id });
  return (
    <main id="main" className="page narrow admin-page">
      <h1>{localized(category.name, locale)}</h1>
      <CategoryForm
        id={id}
        initial={categoryFormValues(category)}
        groups={groupChoices(groups, locale)}
        radius={DUPLICATE_RADIUS_METRES}
      />
      <AdminChanges changes={changes} />
    </main>
  );
}
