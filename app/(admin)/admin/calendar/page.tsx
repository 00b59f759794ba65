import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { AdminChanges } from "@/components/admin/AdminChanges";
import { CalendarOverrideForm, DeleteOverrideButton } from "@/components/admin/CalendarForms";
import { Forbidden } from "@/components/staff/Forbidden";
import { loadAdminPageScope } from "@/lib/admin/admin-page-scope";
import { listCalendarOverrides } from "@/lib/admin/calendar-overrides";
import { listAdminChanges } from "@/lib/admin/list-admin-changes";
import { staffWithPermission } from "@/lib/auth/session";
import { localDate } from "@/lib/calendar/working-days";
import { serbianHolidays } from "@/lib/calendar/serbian-holidays";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.calendar"))("title") };
}

export default async function AdminCalendarPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string }>;
}) {
  const user = await staffWithPermission("admin.manage");
  if (!user) return <Forbidden />;
  const t = await getTranslations("admin.calendar");
  const tt = t as unknown as (key: string) => string;
  const format = await getFormatter();
  const thisYear = Number(localDate(new Date()).slice(0, 4));
  const asked = Number((await searchParams).year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const db = await getDb();
  const scope = await loadAdminPageScope({ db, user });
  const [{ overrides, slaWorkingDays }, changes] = await Promise.all([
    listCalendarOverrides({ db, scope, year }),
    listAdminChanges({ db, scope, entities: ["calendar_override"] }),
  ]);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), "full");
  return (
    <main id="main" className="page admin-page">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      <nav aria-label={t("years")} className="row">
        <Link href={`/admin/calendar?year=${year - 1}`}>{t("previousYear", { year: year - 1 })}</Link>
        <strong aria-current="page">{year}</strong>
        <Link href={`/admin/calendar?year=${year + 1}`}>{t("nextYear", { year: year + 1 })}</Link>
      </nav>
      <h2>{t("overridesOf", { year })}</h2>
      {overrides.length === 0 ? (
        <p className="hint">{t("none")}</p>
      ) : (
        <table className="queue-table" data-testid="calendar-overrides">
          <thead>
            <tr>
              <th scope="col">{t("date")}</th>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("reason")}</th>
              <th scope="col">{t("effect", { days: slaWorkingDays })}</th>
              <th scope="col">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overrides.map((o) => (
              <tr key={o.id}>
                <td>{day(o.date)}</td>
                <td>{o.isWorking ? t("workingDay") : t("holiday")}</td>
                <td>{o.reason}</td>
                <td>
                  {o.effect.dueWith === o.effect.dueWithout
                    ? t("noEffect", { filed: day(o.effect.filedOn), due: day(o.effect.dueWith) })
                    : t("effectLine", {
                        filed: day(o.effect.filedOn),
                        without: day(o.effect.dueWithout),
                        with: day(o.effect.dueWith),
                      })}
                </td>
                <td>
                  <DeleteOverrideButton id={o.id} label={t("delete", { date: o.date })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">{t("existingReports")}</p>
      <CalendarOverrideForm year={year} />
      <details>
        <summary>{t("nationalHolidays", { year })}</summary>
        <ul>
          {serbianHolidays(year).map((h) => (
            <li key={h.date}>
              {day(h.date)} — {tt(`holidays.${h.key}`)}
            </li>
          ))}
        </ul>
      </details>
      <AdminChanges changes={changes} />
    </main>
  );
}
