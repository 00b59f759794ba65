import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrganisationForm } from "@/components/admin/OrganisationForm";
import { Forbidden } from "@/components/staff/Forbidden";
import { staffWithPermission } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.organisations"))("new") };
}

export default async function NewOrganisationPage() {
  const user = await staffWithPermission("admin.manage");
  if (!user) return <Forbidden />;
  const t = await getTranslations("admin.organisations");
  return (
    <main id="main" className="page narrow admin-page">
      <h1>{t("new")}</h1>
      <p className="hint">{t("newHint")}</p>
      <OrganisationForm />
    </main>
  );
}
