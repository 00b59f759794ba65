import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/admin/ChangePasswordForm";
import { MIN_PASSWORD_LENGTH } from "@/lib/admin/user-schema";
import { staffForPage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.password"))("title") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

/** Choose one's own password: where staff land after an administrator created their account or reset it. */
export default async function ChangePasswordPage({ searchParams }: Props) {
  const user = await staffForPage();
  if (!user) redirect("/signin?callbackUrl=/password");
  const t = await getTranslations("admin.password");
  const { callbackUrl } = await searchParams;
  const target =
    callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/staff";
  return (
    <main id="main" className="page narrow">
      <h1>{t("title")}</h1>
      {user.mustChangePassword ? <p role="status">{t("required")}</p> : null}
      <ChangePasswordForm callbackUrl={target} minPasswordLength={MIN_PASSWORD_LENGTH} />
    </main>
  );
}
