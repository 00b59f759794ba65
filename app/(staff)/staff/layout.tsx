import type { ReactNode } from "react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/staff/SignOutButton";
import { hasPermission } from "@/lib/auth/permissions";
import { staffForPage } from "@/lib/auth/session";
import { adminSections } from "@/lib/admin/admin-sections";
import { getDb } from "@/db/client";
import { countModerationQueue } from "@/lib/moderation/list-moderation-queue";
import { moderatedMunicipalities } from "@/lib/moderation/can-moderate";
import { countHeldConsultationComments } from "@/lib/consultations/count-held-consultation-comments";
import "./staff.css";

export const dynamic = "force-dynamic";

/** Every staff page: signed in, with a staff role; pages check their own permission on top. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await staffForPage();
  if (!user) redirect("/signin?callbackUrl=/staff");
  if (user.mustChangePassword) redirect("/password?callbackUrl=/staff");
  const t = await getTranslations();
  if (!hasPermission(user, "staff.workspace")) {
    return (
      <main id="main" className="page narrow">
        <p role="alert">{t("staff.forbidden")}</p>
      </main>
    );
  }
  // Moderators see how many reports wait in their queue; null for everyone else.
  const moderationCount = await countModerationQueue({ db: await getDb(), user });
  // Consultations: the permits office runs them, moderators decide on held comments (with their count).
  const heldConsultationComments =
    moderationCount === null
      ? null
      : await countHeldConsultationComments({
          db: await getDb(),
          municipalityIds: await moderatedMunicipalities({ db: await getDb(), user }),
        });
  return (
    <div className="staff">
      <div className="staff-bar">
        <nav aria-label={t("staff.nav")}>
          <ul>
            {hasPermission(user, "reports.intake") ? (
              <li>
                <Link href="/staff/intake">{t("intake.nav")}</Link>
              </li>
            ) : null}
            {hasPermission(user, "reports.act") && !hasPermission(user, "reports.intake") ? (
              <li>
                <Link href="/staff/field">{t("field.nav")}</Link>
              </li>
            ) : null}
            {hasPermission(user, "reports.view") ? (
              <li>
                <Link href="/staff/queue">{t("staff.queue")}</Link>
              </li>
            ) : null}
            {hasPermission(user, "reports.utility") ? (
              <li>
                <Link href="/staff/utility">{t("utility.nav")}</Link>
              </li>
            ) : null}
            {hasPermission(user, "permits.manage") ? (
              <li>
                <Link href="/staff/permits">{t("permits.nav")}</Link>
              </li>
            ) : hasPermission(user, "permits.counter") ? (
              <li>
                <Link href="/staff/permits/counter">{t("permits.counterNav")}</Link>
              </li>
            ) : null}
            {hasPermission(user, "permits.manage") || heldConsultationComments !== null ? (
              <li>
                <Link href="/staff/consultations">
                  {t("consultations.nav")}
                  {heldConsultationComments ? (
                    <>
                      {" "}
                      <span className="count" data-testid="consultations-held-count">
                        {heldConsultationComments}
                      </span>
                    </>
                  ) : null}
                </Link>
              </li>
            ) : null}
            {moderationCount !== null ? (
              <li>
                <Link href="/staff/moderation">
                  {t("moderation.nav")}{" "}
                  <span className="count" data-testid="moderation-count">
                    {moderationCount}
                  </span>
                </Link>
              </li>
            ) : null}
            {hasPermission(user, "analytics.view") ? (
              <li>
                <Link href="/staff/analytics">{t("staff.analytics")}</Link>
              </li>
            ) : null}
            {adminSections.some((s) => hasPermission(user, s.permission)) ? (
              <li>
                <Link href="/admin">{t("admin.nav.title")}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
        <span className="hint">{t("signin.signedInAs", { name: user.name })}</span>
        <SignOutButton />
      </div>
      {children}
    </div>
  );
}
