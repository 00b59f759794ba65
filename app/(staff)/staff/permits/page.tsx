import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { PermitsMap } from "@/components/permits/PermitsMap";
import { Forbidden } from "@/components/staff/Forbidden";
import { staffWithPermission, inStaffScope } from "@/lib/auth/session";
import { permitKinds } from "@/lib/permits/conflict-matrix";
import { listPermits, permitFiltersSchema } from "@/lib/permits/list-permits";
import { permitStatuses } from "@/lib/permits/permit-states";
import { getStaffMunicipality } from "@/lib/places/get-municipality";
import "./permits.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("permits"))("registerTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function PermitRegisterPageContent({ searchParams }: Props) {
  const user = await staffWithPermission("permits.manage");
  if (!user) return <Forbidden />;
  const t = await getTranslations();
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const format = await getFormatter();
  const raw = await searchParams;
  const filters = permitFiltersSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])),
  );
  const db = await getDb();
  const [permits, municipality] = await Promise.all([
    listPermits({ db, municipalityIds: user.municipalityIds, filters }),
    getStaffMunicipality({ db, municipalityIds: user.municipalityIds }),
  ]);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), "medium");
  return (
    <main id="main" className="page permit-register">
      <h1>{t("permits.registerTitle")}</h1>
      <p className="row">
        <Link href="/staff/permits/new" className="nav-cta">
          {t("permits.newPermit")}
        </Link>
        <Link href="/staff/permits/counter">{t("permits.counterTitle")}</Link>
      </p>
      <form
        method="get"
        action="/staff/permits"
        className="permit-filters"
        aria-labelledby="permit-filters-title"
      >
        <h2 id="permit-filters-title">{t("filters.title")}</h2>
        <label htmlFor="pf-status">{t("permits.status")}</label>
        <select id="pf-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">{t("permits.anyStatus")}</option>
          {permitStatuses.map((s) => (
            <option key={s} value={s}>
              {tt(`permitStatus.${s}`)}
            </option>
          ))}
        </select>
        <label htmlFor="pf-kind">{t("permits.kind")}</label>
        <select id="pf-kind" name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">{t("permits.anyKind")}</option>
          {permitKinds.map((k) => (
            <option key={k} value={k}>
              {tt(`permitKind.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor="pf-q">{t("permits.search")}</label>
        <input id="pf-q" name="q" defaultValue={filters.q ?? ""} />
        <label htmlFor="pf-on">{t("permits.validOn")}</label>
        <input id="pf-on" name="on" type="date" defaultValue={filters.on ?? ""} />
        <div className="row">
          <button type="submit" className="primary">
            {t("filters.apply")}
          </button>
          <Link href="/staff/permits">{t("filters.clear")}</Link>
        </div>
      </form>
      {municipality ? (
        <PermitsMap
          items={permits.map((p) => ({ id: p.id, reference: p.reference, status: p.status, site: p.site }))}
          municipalityCode={municipality.code}
          bbox={municipality.bbox}
        />
      ) : null}
      <p role="status">{t("permits.count", { count: permits.length })}</p>
      <div className="table-scroll" tabIndex={0}>
        <table className="queue-table permit-table">
          <caption className="sr-only">{t("permits.registerTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("permits.reference")}</th>
              <th scope="col">{t("permits.kind")}</th>
              <th scope="col">{t("permits.status")}</th>
              <th scope="col">{t("permits.holder")}</th>
              <th scope="col">{t("permits.period")}</th>
              <th scope="col">{t("permits.decisionDue")}</th>
            </tr>
          </thead>
          <tbody>
            {permits.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/staff/permits/${p.id}`}>{p.reference}</Link>
                </td>
                <td>{tt(`permitKind.${p.kind}`)}</td>
                <td>{tt(`permitStatus.${p.status}`)}</td>
                <td>{p.holderName}</td>
                <td>
                  {day(p.validFrom)} – {day(p.validTo)}
                </td>
                <td>
                  {p.decisionDueAt && (p.status === "applied" || p.status === "under_review")
                    ? format.dateTime(new Date(p.decisionDueAt), "medium")
                    : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}

export default async function PermitRegisterPage(...args: Parameters<typeof PermitRegisterPageContent>) {
  return inStaffScope(() => PermitRegisterPageContent(...args));
}
