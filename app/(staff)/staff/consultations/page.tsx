import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ConsultationForm } from "@/components/consultations/ConsultationForm";
import { Forbidden } from "@/components/staff/Forbidden";
import { hasPermission } from "@/lib/auth/permissions";
import { inStaffScope, staffWithPermission } from "@/lib/auth/session";
import { canModerate } from "@/lib/moderation/can-moderate";
import { listConsultablePermits } from "@/lib/consultations/list-consultable-permits";
import { listStaffConsultations } from "@/lib/consultations/list-consultations";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("consultations"))("staffTitle") };
}

/** The permits office's consultations: what waits (held comments, unanswered ones) and a new one. */
async function StaffConsultationsContent() {
  // The permits office runs consultations; moderators come to decide on held comments.
  const user = await staffWithPermission("staff.workspace");
  const db = await getDb();
  const office = user !== null && hasPermission(user, "permits.manage");
  if (!user || (!office && !(await canModerate({ db, user })))) return <Forbidden />;
  const t = await getTranslations("consultations");
  const items = await listStaffConsultations({ db });
  const permits = office ? await listConsultablePermits({ db }) : [];
  return (
    <main id="main" className="page staff-consultations">
      <h1>{t("staffTitle")}</h1>
      {items.length === 0 ? <p className="hint">{t("none")}</p> : null}
      <table className="data-table" data-testid="staff-consultations">
        <thead>
          <tr>
            <th scope="col">{t("fieldTitle")}</th>
            <th scope="col">{t("statusLabel")}</th>
            <th scope="col">{t("countAll")}</th>
            <th scope="col">{t("countHeld")}</th>
            <th scope="col">{t("countUnanswered")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td>
                <Link href={`/staff/consultations/${c.id}`}>{c.title}</Link>
              </td>
              <td>{t(`status_${c.status}`)}</td>
              <td>{c.comments}</td>
              <td>{c.held}</td>
              <td>{c.unanswered}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {office ? <ConsultationForm permits={permits} /> : null}
    </main>
  );
}

export default async function StaffConsultationsPage() {
  return inStaffScope(() => StaffConsultationsContent());
}
