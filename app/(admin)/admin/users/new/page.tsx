import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { UserForm } from "@/components/admin/UserForm";
import { Forbidden } from "@/components/staff/Forbidden";
import { loadAdminPageScope } from "@/lib/admin/admin-page-scope";
import { MIN_PASSWORD_LENGTH } from "@/lib/admin/user-schema";
import { staffWithPermission } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { userFormChoices } from "../user-form-choices";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("new") };
}

export default async function NewUserPage() {
  const user = await staffWithPermission("organisation.manage");
  if (!user) return <Forbidden />;
  const t = await getTranslations("admin.users");
  const db = await getDb();
  const choices = await userFormChoices({
    db,
    scope: await loadAdminPageScope({ db, user }),
    locale: (await getLocale()) as Locale,
  });
  return (
    <main id="main" className="page narrow admin-page">
      <h1>{t("new")}</h1>
      <p className="hint">{t("newHint")}</p>
      <UserForm
        roles={choices.roles}
        organisations={choices.organisations}
        minPasswordLength={MIN_PASSWORD_LENGTH}
      />
    </main>
  );
}
