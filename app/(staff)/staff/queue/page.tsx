import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Forbidden } from "@/components/staff/Forbidden";
import { LiveRefresh } from "@/components/staff/LiveRefresh";
import { QueueDue } from "@/components/staff/QueueDue";
import { QueueMap } from "@/components/staff/QueueMap";
import { BulkAssign } from "@/components/staff/BulkAssign";
import { BULK_FORM_ID } from "@/components/staff/bulk-form-id";
import { listOrganisations } from "@/lib/organisations/list-organisations";
import { getStaffMunicipality } from "@/lib/places/get-municipality";
import { staffWithPermission, inStaffScope } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { listStaffQueue, type NamedQueueScope } from "@/lib/reports/list-staff-queue";
import { isDesk } from "@/lib/auth/report-access";
import { UnpermittedBadge, UnpermittedFilter } from "@/components/staff/UnpermittedFlag";
import { formatAddress } from "@/lib/places/format-address";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("queueTitle") };
}

type Props = { searchParams: Promise<{ scope?: string; unpermitted?: string; q?: string }> };

async function QueuePageContent({ searchParams }: Props) {
  const t = await getTranslations();
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const user = await staffWithPermission("reports.view");
  if (!user) return <Forbidden />;
  const desk = isDesk(user);
  const { scope: raw, unpermitted, q } = await searchParams;
  const unpermittedOnly = unpermitted === "1";
  const scope: NamedQueueScope =
    desk && (raw === "triage" || raw === "all") ? raw : raw === "mine" || !desk ? "mine" : "triage";
  const scopes: NamedQueueScope[] = desk ? ["triage", "mine", "all"] : ["mine"];
  const db = await getDb();
  const locale = (await getLocale()) as Locale;
  const items = await listStaffQueue({
    db,
    user,
    scope,
    locale,
    unpermittedOnly,
    // A tracking number or part of an address (a link from elsewhere, a bookmark).
    search: q,
  });
  const municipality = await getStaffMunicipality({ db, municipalityIds: user.municipalityIds });
  const organisations = desk
    ? await listOrganisations({
        db,
        municipalityIds: user.municipalityIds,
        locale: (await getLocale()) as Locale,
      })
    : [];
  return (
    <main id="main" className="page staff-queue">
      <h1>{t("staff.queueTitle")}</h1>
      <LiveRefresh />
      {scopes.length > 1 ? (
        <nav aria-label={t("staff.queueTitle")} className="tabs">
          {scopes.map((s) => (
            <Link key={s} href={`/staff/queue?scope=${s}`} aria-current={s === scope ? "page" : undefined}>
              {tt(`staff.scope_${s}`)}
            </Link>
          ))}
        </nav>
      ) : null}
      <UnpermittedFilter scope={scope} active={unpermittedOnly} />
      {municipality ? (
        <QueueMap items={items} municipalityCode={municipality.code} bbox={municipality.bbox} />
      ) : null}
      {desk && items.length > 0 ? <BulkAssign organisations={organisations} /> : null}
      {items.length === 0 ? (
        <p>{t("staff.queueEmpty")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="queue-table">
            <thead>
              <tr>
                {desk ? <td /> : null}
                <th scope="col">{t("staff.colCode")}</th>
                <th scope="col">{t("staff.colCategory")}</th>
                <th scope="col">{t("staff.colPlace")}</th>
                <th scope="col">{t("staff.colStatus")}</th>
                <th scope="col">{t("staff.colHolder")}</th>
                <th scope="col">{t("staff.colDue")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-code={item.code} className={item.overdue ? "overdue-row" : undefined}>
                  {desk ? (
                    <td>
                      <input
                        type="checkbox"
                        name="bulk"
                        value={`${item.id}:${item.version}`}
                        form={BULK_FORM_ID}
                        aria-label={t("bulk.select", { code: item.code })}
                      />
                    </td>
                  ) : null}
                  <th scope="row">
                    <Link href={`/staff/reports/${item.id}`}>{item.code}</Link>
                  </th>
                  <td>
                    {item.category}
                    {item.unpermitted ? <UnpermittedBadge /> : null}
                  </td>
                  <td>{formatAddress({ address: item.address, district: item.district, locale })}</td>
                  <td>
                    {tt(`status.${item.status}`)}
                    {item.routingNote ? (
                      <span className="hint"> · {tt(`staff.routing_${item.routingNote}`)}</span>
                    ) : null}
                  </td>
                  <td>{item.organisation}</td>
                  <td className="due-cell">
                    <QueueDue dueAt={item.dueAt} workingDaysLeft={item.workingDaysLeft} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

export default async function QueuePage(...args: Parameters<typeof QueuePageContent>) {
  return inStaffScope(() => QueuePageContent(...args));
}
