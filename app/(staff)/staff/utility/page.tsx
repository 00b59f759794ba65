import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Forbidden } from "@/components/staff/Forbidden";
import { LiveRefresh } from "@/components/staff/LiveRefresh";
import { QueueDue } from "@/components/staff/QueueDue";
import { QueueMap } from "@/components/staff/QueueMap";
import { QueueNotice } from "@/components/staff/QueueNotice";
import { UtilityRowActions } from "@/components/staff/UtilityRowActions";
import { staffWithPermission, inStaffScope } from "@/lib/auth/session";
import { isDesk } from "@/lib/auth/report-access";
import type { Locale } from "@/lib/i18n/config";
import { listOrganisations } from "@/lib/organisations/list-organisations";
import { getStaffMunicipality } from "@/lib/places/get-municipality";
import { listStaffQueue } from "@/lib/reports/list-staff-queue";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("utility"))("title") };
}

type Props = { searchParams: Promise<{ organisation?: string; q?: string }> };

/**
 * A utility company's queue: only the reports routed to it, on a map and in a table, each with the
 * company's everyday decisions — take it on, schedule it, resolve it with a photo, or send it back
 * to the organisation it belongs to.
 */
async function UtilityQueuePageContent({ searchParams }: Props) {
  const t = await getTranslations();
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const user = await staffWithPermission("reports.utility");
  if (!user) return <Forbidden />;
  const locale = (await getLocale()) as Locale;
  const db = await getDb();
  const all = await listOrganisations({ db, municipalityIds: user.municipalityIds, locale });
  const utilities = all.filter(
    (o) => o.kind === "utility_company" && (isDesk(user) || user.organisationIds.includes(o.id)),
  );
  const params = await searchParams;
  const requested = Number(params.organisation);
  const search = typeof params.q === "string" ? params.q : "";
  const current = utilities.find((o) => o.id === requested) ?? utilities[0];
  const items = current
    ? await listStaffQueue({ db, user, scope: { organisationId: current.id }, locale, search })
    : [];
  const municipality = await getStaffMunicipality({ db, municipalityIds: user.municipalityIds });
  const others = all.filter((o) => o.id !== current?.id);
  return (
    <main id="main" className="page staff-queue">
      <h1>{current ? t("utility.heading", { organisation: current.name }) : t("utility.title")}</h1>
      <LiveRefresh />
      <QueueNotice />
      {utilities.length > 1 ? (
        <nav aria-label={t("utility.companies")} className="tabs">
          {utilities.map((o) => (
            <Link
              key={o.id}
              href={`/staff/utility?organisation=${o.id}`}
              aria-current={o.id === current?.id ? "page" : undefined}
            >
              {o.name}
            </Link>
          ))}
        </nav>
      ) : null}
      {!current ? <p>{t("utility.noCompany")}</p> : null}
      {current ? (
        <form method="get" className="queue-search" role="search">
          <input type="hidden" name="organisation" value={current.id} />
          <label htmlFor="queue-search">{t("utility.search")}</label>
          <input id="queue-search" name="q" type="search" defaultValue={search} maxLength={100} />
          <button type="submit">{t("utility.find")}</button>
          {search ? (
            <Link href={`/staff/utility?organisation=${current.id}`}>{t("utility.clearSearch")}</Link>
          ) : null}
        </form>
      ) : null}
      {current && municipality ? (
        <QueueMap items={items} municipalityCode={municipality.code} bbox={municipality.bbox} />
      ) : null}
      {current && items.length === 0 ? <p>{t("staff.queueEmpty")}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll" tabIndex={0}>
          <table className="queue-table utility-table">
            <thead>
              <tr>
                <th scope="col">{t("staff.colCode")}</th>
                <th scope="col">{t("staff.colCategory")}</th>
                <th scope="col">{t("staff.colPlace")}</th>
                <th scope="col">{t("staff.colStatus")}</th>
                <th scope="col">{t("staff.colDue")}</th>
                <th scope="col">{t("utility.colDecide")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-code={item.code} className={item.overdue ? "overdue-row" : undefined}>
                  <th scope="row">
                    <Link href={`/staff/reports/${item.id}`}>{item.code}</Link>
                  </th>
                  <td>{item.category}</td>
                  <td>{[item.address, item.district].filter(Boolean).join(", ")}</td>
                  <td>{tt(`status.${item.status}`)}</td>
                  <td className="due-cell">
                    <QueueDue dueAt={item.dueAt} workingDaysLeft={item.workingDaysLeft} />
                  </td>
                  <td>
                    <UtilityRowActions
                      item={{ id: item.id, code: item.code, version: item.version, status: item.status }}
                      forwardTargets={others}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </main>
  );
}

export default async function UtilityQueuePage(...args: Parameters<typeof UtilityQueuePageContent>) {
  return inStaffScope(() => UtilityQueuePageContent(...args));
}
