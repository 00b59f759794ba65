import type { ReactNode } from "react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { AdminMunicipalitySwitcher } from "@/components/admin/AdminMunicipalitySwitcher";
import { SignOutButton } from "@/components/staff/SignOutButton";
import { loadAdminPageScope } from "@/lib/admin/admin-page-scope";
import { listAdminMunicipalities } from "@/lib/admin/choose-admin-municipality";
import { hasPermission } from "@/lib/auth/permissions";
import { staffForPage } from "@/lib/auth/session";
import { adminSections } from "@/lib/admin/admin-sections";
import "../../(staff)/staff/staff.css";
import "./admin.css";

export const dynamic = "force-dynamic";

/** The administration: signed in, and holding the permission of at least one section; each page checks its own. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await staffForPage();
  if (!user) redirect("/signin?callbackUrl=/admin");
  if (user.mustChangePassword) redirect("/password?callbackUrl=/admin");
  const t = await getTranslations();
  const tt = t as unknown as (key: string) => string;
  const sections = adminSections.filter((s) => hasPermission(user, s.permission));
  if (sections.length === 0) {
    return (
      <main id="main" className="page narrow">
        <p role="alert">{t("staff.forbidden")}</p>
      </main>
    );
  }
  const db = await getDb();
  const scope = await loadAdminPageScope({ db, user });
  const municipalities = await listAdminMunicipalities({ db, scope });
  return (
    <div className="staff admin">
      <div className="staff-bar">
        <nav aria-label={t("admin.navLabel")}>
          <ul>
            <li>
              <Link href="/staff">{t("admin.backToWorkspace")}</Link>
            </li>
            {sections.map((s) => (
              <li key={s.href}>
                <Link href={s.href}>{tt(s.labelKey)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        {municipalities.length > 1 ? (
          <AdminMunicipalitySwitcher municipalities={municipalities} currentId={scope.municipalityId} />
        ) : null}
        <span className="hint">{t("signin.signedInAs", { name: user.name })}</span>
        <SignOutButton />
      </div>
      {children}
    </div>
  );
}
