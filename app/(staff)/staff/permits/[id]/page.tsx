import type { MultiPolygon } from "geojson";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ConflictList } from "@/components/permits/ConflictList";
import { PermitDocumentUpload } from "@/components/permits/PermitDocumentUpload";
import { PermitForm } from "@/components/permits/PermitForm";
import { PermitStatusActions } from "@/components/permits/PermitStatusActions";
import { PermitsMap } from "@/components/permits/PermitsMap";
import { Forbidden } from "@/components/staff/Forbidden";
import { staffWithPermission, inStaffScope } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { getStaffPermit } from "@/lib/permits/get-staff-permit";
import { formatTrackingKey } from "@/lib/permits/tracking-key";
import { getStaffMunicipality } from "@/lib/places/get-municipality";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await getTranslations("permits"))("permit")} #${(await params).id}` };
}

async function StaffPermitPageContent({ params, searchParams }: Props) {
  const user = await staffWithPermission("permits.manage");
  if (!user) return <Forbidden />;
  const t = await getTranslations();
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const format = await getFormatter();
  const db = await getDb();
  const permit = await getStaffPermit({
    db,
    id: Number((await params).id),
    municipalityIds: user.municipalityIds,
    locale: (await getLocale()) as Locale,
  });
  if (!permit) notFound();
  const { saved } = await searchParams;
  const municipality = await getStaffMunicipality({ db, municipalityIds: user.municipalityIds });
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), "long");
  const when = (iso: string) => format.dateTime(new Date(iso), "mediumWithTime");
  const closed = ["refused", "completed", "revoked"].includes(permit.status);
  return (
    <main id="main" className="page staff-permit">
      <p>
        <Link href="/staff/permits">{t("permits.backToRegister")}</Link>
      </p>
      <h1>
        {t("permits.permit")} {permit.reference}
      </h1>
      {saved ? (
        <p className="banner success" role="status">
          {t("permits.registered", { reference: permit.reference })}
        </p>
      ) : null}
      {closed ? null : <ConflictList conflicts={permit.conflicts} />}
      {municipality ? (
        <PermitsMap
          items={[{ id: permit.id, reference: permit.reference, status: permit.status, site: permit.site }]}
          conflicts={closed ? [] : permit.conflicts.flatMap((c) => (c.site ? [{ ...c, site: c.site }] : []))}
          municipalityCode={municipality.code}
          bbox={siteBounds([
            permit.site,
            ...(closed ? [] : permit.conflicts.flatMap((c) => (c.site ? [c.site] : []))),
          ])}
        />
      ) : null}
      <dl className="facts">
        <dt>{t("permits.status")}</dt>
        <dd data-testid="permit-status">{tt(`permitStatus.${permit.status}`)}</dd>
        <dt>{t("permits.kind")}</dt>
        <dd>{tt(`permitKind.${permit.kind}`)}</dd>
        <dt>{t("permits.holder")}</dt>
        <dd>
          {permit.holderName}{" "}
          {permit.holderIsCompany ? null : <span className="hint">({t("permits.privateHolder")})</span>}
        </dd>
        <dt>{t("permits.contractor")}</dt>
        <dd>{[permit.contractor, permit.contractorEmail].filter(Boolean).join(" · ") || "—"}</dd>
        <dt>{t("permits.period")}</dt>
        <dd>
          {day(permit.validFrom)} – {day(permit.validTo)}
        </dd>
        <dt>{t("permits.issuer")}</dt>
        <dd>{permit.issuingOrganisation ?? "—"}</dd>
        <dt>{t("permits.channel")}</dt>
        <dd>{tt(`permits.channel_${permit.channel}`)}</dd>
        <dt>{t("permits.decisionDue")}</dt>
        <dd>{permit.decisionDueAt ? when(permit.decisionDueAt) : "—"}</dd>
        <dt>{t("permits.applicant")}</dt>
        <dd>
          {permit.applicant
            ? [
                permit.applicant.name,
                permit.applicant.email,
                permit.applicant.phone,
                permit.applicant.address,
                t("permits.applicantTrackingKey", { key: formatTrackingKey(permit.applicant.trackingKey) }),
              ]
                .filter(Boolean)
                .join(" · ")
            : "—"}
        </dd>
        <dt>{t("permits.worksDescription")}</dt>
        <dd>{permit.worksDescription}</dd>
        <dt>{t("permits.conditions")}</dt>
        <dd>{permit.conditions ?? "—"}</dd>
      </dl>

      <section aria-labelledby="permit-steps">
        <h2 id="permit-steps">{t("permits.steps")}</h2>
        <PermitStatusActions
          permitId={permit.id}
          version={permit.version}
          nextStatuses={permit.nextStatuses}
        />
      </section>

      <section aria-labelledby="permit-reports">
        <h2 id="permit-reports">{t("permits.linkedReports")}</h2>
        {permit.reports.length === 0 ? <p>{t("permits.noLinkedReports")}</p> : null}
        <ul>
          {permit.reports.map((r) => (
            <li key={r.code}>
              <Link href={`/reports/${r.code}`}>{r.code}</Link> ·{" "}
              {t("permits.metresAway", { metres: Math.round(r.distanceMetres) })} · {when(r.at)}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="permit-documents">
        <h2 id="permit-documents">{t("permits.documents")}</h2>
        <ul>
          {permit.documents.map((d) => (
            <li key={d.id}>
              <a href={`/api/staff/permits/${permit.id}/documents/${d.id}`}>{d.fileName}</a> ·{" "}
              {Math.ceil(d.byteSize / 1024)} kB · {when(d.at)}
            </li>
          ))}
        </ul>
        {closed ? null : <PermitDocumentUpload permitId={permit.id} version={permit.version} />}
      </section>

      <section aria-labelledby="permit-history">
        <h2 id="permit-history">{t("permits.history")}</h2>
        <ol className="timeline">
          {permit.history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.at}>{when(h.at)}</time>{" "}
              <strong>
                {tt(`permits.event_${h.kind}`, {
                  status: h.toStatus ? tt(`permitStatus.${h.toStatus}`) : "",
                  report: h.reportCode ?? "",
                })}
              </strong>
              {h.actor ? <span className="hint"> · {h.actor}</span> : null}
              {h.note ? <p>{h.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      {closed || !municipality ? null : (
        <section aria-labelledby="permit-edit">
          <h2 id="permit-edit">{t("permits.edit")}</h2>
          <PermitForm
            mode="edit"
            permitId={permit.id}
            version={permit.version}
            municipalityCode={municipality.code}
            bbox={municipality.bbox}
            initial={{
              kind: permit.kind,
              holderName: permit.holderName,
              holderIsCompany: permit.holderIsCompany,
              contractor: permit.contractor ?? "",
              contractorEmail: permit.contractorEmail ?? "",
              worksDescription: permit.worksDescription,
              conditions: permit.conditions ?? "",
              validFrom: permit.validFrom,
              validTo: permit.validTo,
              site: permit.site,
            }}
          />
        </section>
      )}
    </main>
  );
}

/** The site's bounding box with a margin of about 100 m, so the map opens on the site. */
/** The permit's site and the sites it conflicts with, with a margin. */
function siteBounds(sites: MultiPolygon[]): [number, number, number, number] {
  const positions = sites.flatMap((site) => site.coordinates.flat(2));
  const xs = positions.map((p) => p[0]!);
  const ys = positions.map((p) => p[1]!);
  return [
    Math.min(...xs) - 0.0012,
    Math.min(...ys) - 0.0009,
    Math.max(...xs) + 0.0012,
    Math.max(...ys) + 0.0009,
  ];
}

export default async function StaffPermitPage(...args: Parameters<typeof StaffPermitPageContent>) {
  return inStaffScope(() => StaffPermitPageContent(...args));
}
