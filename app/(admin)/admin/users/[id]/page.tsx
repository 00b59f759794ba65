import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { AdminChanges } from "@/components/admin/AdminChanges";
import { PasswordResetForm, UserForm } from "@/components/admin/UserForm";
import { Forbidden } from "@/components/staff/Forbidden";
import { loadAdminPageScope } from "@/lib/admin/admin-page-scope";
import { listAdminChanges } from "@/lib/admin/list-admin-changes";
import { listAdminUsers } from "@/lib/admin/list-admin-users";
import { MIN_PASSWORD_LENGTH } from "@/lib/admin/user-schema";
import { staffWithPermission } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { userFormChoices } from "../user-form-choices";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("editTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function EditUserPage({ params, searchParams }: Props) {
  const user = await staffWithPermission("organisation.manage");
  if (!user) return <Forbidden />;
  const id = Number((await params).id);
  const db = await getDb();
  const scope = await loadAdminPageScope({ db, user });
  const [target] = Number.isInteger(id) ? await listAdminUsers({ db, scope, userId: id }) : [];
  if (!target) notFound();
  const t = await getTranslations("admin.users");
  const [choices, changes] = await Promise.all([
    userFormChoices({ db, scope, locale: (await getLocale()) as Locale }),
    listAdminChanges({ db, scope, entities: ["user"], entityId: id }),
  ]);
  return (
    <main id="main" className="page narrow admin-page">
      <h1>{target.name}</h1>
      <p>{target.email}</p>
      {(await searchParams).created ? (
        <p className="banner success" role="status">
          {t("created")}
        </p>
      ) : null}
      {target.mustChangePassword ? <p className="hint">{t("mustChangeNote")}</p> : null}
      <UserForm
        id={id}
        initial={{
          email: target.email,
          name: target.name,
          locale: target.locale,
          active: target.active,
          memberships: target.memberships,
        }}
        roles={choices.roles}
        organisations={choices.organisations}
        minPasswordLength={MIN_PASSWORD_LENGTH}
      />
      <PasswordResetForm id={id} minPasswordLength={MIN_PASSWORD_LENGTH} />
      <AdminChanges changes={changes} />
    </main>
  );
}
