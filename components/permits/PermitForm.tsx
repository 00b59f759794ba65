"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { MultiPolygon, Polygon } from "geojson";
import { apiFetch } from "@/lib/client/api-fetch";
import { formatTrackingKey, trackingPath } from "@/lib/permits/tracking-key";
import { PermitSiteInput } from "./PermitSiteInput";
import { ConflictList, type ConflictItem } from "./ConflictList";

type Kind = "construction" | "excavation" | "street_occupancy" | "event";
const kinds: Kind[] = ["construction", "excavation", "street_occupancy", "event"];

export type PermitFormValues = {
  kind: Kind;
  holderName: string;
  holderIsCompany: boolean;
  contractor: string;
  contractorEmail: string;
  worksDescription: string;
  conditions: string;
  validFrom: string;
  validTo: string;
  site: Polygon | MultiPolygon | null;
};

type Props = {
  /** create: the office registers; edit: the office changes; apply: online; counter: an agent on the applicant's behalf. */
  mode: "create" | "edit" | "apply" | "counter";
  municipalityCode: string;
  bbox: [number, number, number, number];
  initial?: PermitFormValues;
  permitId?: number;
  version?: number;
};

const empty: PermitFormValues = {
  kind: "excavation",
  holderName: "",
  holderIsCompany: true,
  contractor: "",
  contractorEmail: "",
  worksDescription: "",
  conditions: "",
  validFrom: "",
  validTo: "",
  site: null,
};

/** The permit form shared by the register (create, edit) and the one-stop shop (online, counter). */
export function PermitForm({ mode, municipalityCode, bbox, initial, permitId, version }: Props) {
  const t = useTranslations("permits");
  const tk = useTranslations("permitKind");
  const format = useFormatter();
  const router = useRouter();
  const [values, setValues] = useState<PermitFormValues>(initial ?? empty);
  const [applicant, setApplicant] = useState({ name: "", email: "", phone: "", address: "" });
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [conflicts, setConflicts] = useState<ConflictItem[] | null>(null);
  const [receipt, setReceipt] = useState<{
    reference: string;
    trackingKey: string;
    decisionDueAt: string;
  } | null>(null);
  const submissionKey = useRef("");
  useEffect(() => {
    submissionKey.current = crypto.randomUUID();
  }, []);
  const staff = mode === "create" || mode === "edit";
  const withApplicant = mode !== "edit";
  const set = <K extends keyof PermitFormValues>(key: K, value: PermitFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!values.site) {
      setError(t("siteRequired", { format: "GeoJSON" }));
      return;
    }
    setSubmitting(true);
    const fields = {
      kind: values.kind,
      holderName: values.holderName,
      holderIsCompany: values.holderIsCompany,
      contractor: values.contractor,
      // The contractor hears of reports at the site, whoever files the application.
      contractorEmail: values.contractorEmail,
      worksDescription: values.worksDescription,
      conditions: staff ? values.conditions : undefined,
      validFrom: values.validFrom,
      validTo: values.validTo,
      site: values.site,
    };
    const request =
      mode === "edit"
        ? {
            url: `/api/staff/permits/${permitId}`,
            method: "PUT",
            body: { expectedVersion: version, permit: fields },
          }
        : {
            url:
              mode === "create"
                ? "/api/staff/permits"
                : mode === "counter"
                  ? "/api/staff/permit-applications"
                  : "/api/permits/applications",
            method: "POST",
            body: { ...fields, applicant, submissionKey: submissionKey.current },
          };
    try {
      // The answer by mode: create → the permit's id; edit → its conflicts; an application → its receipt.
      const res = await apiFetch<{
        id: number;
        conflicts: ConflictItem[];
        reference: string;
        trackingKey: string;
        decisionDueAt: string;
      }>(request.url, { method: request.method, json: request.body });
      setSubmitting(false);
      if (!res.ok) {
        setError(res.message ?? t("networkError"));
        return;
      }
      const body = res.data;
      if (mode === "create") {
        router.push(`/staff/permits/${body.id}?saved=1`);
      } else if (mode === "edit") {
        setConflicts(body.conflicts);
        router.refresh();
      } else {
        setReceipt({
          reference: body.reference,
          trackingKey: body.trackingKey,
          decisionDueAt: body.decisionDueAt,
        });
        submissionKey.current = crypto.randomUUID();
      }
    } catch {
      setSubmitting(false);
      setError(t("networkError"));
    }
  };

  if (receipt) {
    return (
      <div className="banner success" role="status" data-testid="permit-receipt">
        <p>
          {t("received", {
            reference: receipt.reference,
            due: format.dateTime(new Date(receipt.decisionDueAt), "long"),
          })}
        </p>
        <p data-testid="permit-tracking-key">
          {t("trackingKey", { key: formatTrackingKey(receipt.trackingKey) })}
        </p>
        <p>
          <a href={trackingPath(receipt.reference, receipt.trackingKey)}>{t("trackLink")}</a>
        </p>
      </div>
    );
  }

  return (
    <form className="permit-form" onSubmit={submit} noValidate>
      {withApplicant ? (
        <fieldset>
          <legend>{t("applicant")}</legend>
          <label htmlFor="applicant-name">{t("applicantName")}</label>
          <input
            id="applicant-name"
            required
            autoComplete="name"
            value={applicant.name}
            onChange={(e) => setApplicant({ ...applicant, name: e.target.value })}
          />
          <label htmlFor="applicant-email">{t("applicantEmail")}</label>
          <input
            id="applicant-email"
            type="email"
            autoComplete="email"
            value={applicant.email}
            onChange={(e) => setApplicant({ ...applicant, email: e.target.value })}
          />
          <label htmlFor="applicant-phone">{t("applicantPhone")}</label>
          <input
            id="applicant-phone"
            type="tel"
            autoComplete="tel"
            value={applicant.phone}
            onChange={(e) => setApplicant({ ...applicant, phone: e.target.value })}
          />
          <label htmlFor="applicant-address">{t("applicantAddress")}</label>
          <input
            id="applicant-address"
            autoComplete="street-address"
            value={applicant.address}
            onChange={(e) => setApplicant({ ...applicant, address: e.target.value })}
          />
          <p className="hint">{t("applicantPrivacy")}</p>
        </fieldset>
      ) : null}
      <fieldset>
        <legend>{t("works")}</legend>
        <label htmlFor="permit-kind">{t("kind")}</label>
        <select id="permit-kind" value={values.kind} onChange={(e) => set("kind", e.target.value as Kind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {tk(k)}
            </option>
          ))}
        </select>
        <label htmlFor="permit-holder">{t("holder")}</label>
        <input
          id="permit-holder"
          required
          value={values.holderName}
          onChange={(e) => set("holderName", e.target.value)}
        />
        <label className="choice">
          <input
            type="checkbox"
            checked={values.holderIsCompany}
            onChange={(e) => set("holderIsCompany", e.target.checked)}
          />
          <span>{t("holderIsCompany")}</span>
        </label>
        <label htmlFor="permit-contractor">{t("contractor")}</label>
        <input
          id="permit-contractor"
          value={values.contractor}
          onChange={(e) => set("contractor", e.target.value)}
        />
        <label htmlFor="permit-contractor-email">{t("contractorEmail")}</label>
        <input
          id="permit-contractor-email"
          type="email"
          autoComplete="off"
          aria-describedby="permit-contractor-email-hint"
          value={values.contractorEmail}
          onChange={(e) => set("contractorEmail", e.target.value)}
        />
        <p className="hint" id="permit-contractor-email-hint">
          {t("contractorEmailHint")}
        </p>
        <label htmlFor="permit-works">{t("worksDescription")}</label>
        <textarea
          id="permit-works"
          required
          rows={3}
          maxLength={2000}
          value={values.worksDescription}
          onChange={(e) => set("worksDescription", e.target.value)}
        />
        {staff ? (
          <>
            <label htmlFor="permit-conditions">{t("conditions")}</label>
            <textarea
              id="permit-conditions"
              rows={3}
              maxLength={4000}
              value={values.conditions}
              onChange={(e) => set("conditions", e.target.value)}
            />
          </>
        ) : null}
        <div className="row">
          <span>
            <label htmlFor="permit-from">{t("validFrom")}</label>
            <input
              id="permit-from"
              type="date"
              required
              value={values.validFrom}
              onChange={(e) => set("validFrom", e.target.value)}
            />
          </span>
          <span>
            <label htmlFor="permit-to">{t("validTo")}</label>
            <input
              id="permit-to"
              type="date"
              required
              value={values.validTo}
              onChange={(e) => set("validTo", e.target.value)}
            />
          </span>
        </div>
      </fieldset>
      <PermitSiteInput
        municipalityCode={municipalityCode}
        bbox={bbox}
        site={values.site}
        onSite={(site) => set("site", site)}
      />
      {error ? (
        <p className="form-error" role="alert" data-testid="permit-form-error">
          {error}
        </p>
      ) : null}
      {conflicts ? <ConflictList conflicts={conflicts} /> : null}
      <button type="submit" className="primary" disabled={submitting}>
        {submitting
          ? t("saving")
          : mode === "edit"
            ? t("saveChanges")
            : mode === "create"
              ? t("register")
              : t("submitApplication")}
      </button>
    </form>
  );
}
