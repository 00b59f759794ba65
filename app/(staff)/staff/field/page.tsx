import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FieldList } from "@/components/staff/FieldList";
import { Forbidden } from "@/components/staff/Forbidden";
import { staffWithPermission } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("field"))("title") };
}

export default async function FieldPage() {
  const user = await staffWithPermission("reports.act");
  if (!user) return <Forbidden />;
  const t = await getTranslations("field");
  return (
    <main id="main" className="page narrow">
      <h1>{t("title")}</h1>
      <FieldList />
    </main>
  );
}
