"use client";

import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { CategoryGroupChoice } from "@/lib/reports/list-categories";
import type { CallerReport } from "@/lib/reports/find-caller-history";
import type { DuplicateCandidate } from "@/lib/reports/find-duplicate-candidates";
import type { RoutingPreview } from "@/lib/routing/preview-routing";
import { PointPicker, type Position } from "@/components/map/PointPicker";
import { PlaceSearch } from "@/components/forms/PlaceSearch";
import { pointQuery, useFetched } from "@/components/forms/use-fetched";
import { CategoryOptions } from "@/components/forms/CategoryOptions";
import { apiFetch } from "@/lib/client/api-fetch";
import { withoutFinalStop } from "@/lib/i18n/formats";

type Props = {
  municipalityCode: string;
  bbox: [number, number, number, number];
  groups: CategoryGroupChoice[];
  maxDescription: number;
};

/**
 * The contact centre's console, built around the caller: who is calling and what they reported
 * before ("where is my request?"), then a new request with live duplicates and where it will go.
 */
export function IntakeConsole({ municipalityCode, bbox, groups, maxDescription }: Props) {
  const t = useTranslations();
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const format = useFormatter();
  const [lookup, setLookup] = useState("");
  const [history, setHistory] = useState<CallerReport[] | null>(null);
  const [contact, setContact] = useState({ name: "", email: "", phone: "" });
  const [channel, setChannel] = useState<"phone" | "counter" | "email">("phone");
  const [position, setPosition] = useState<Position | null>(null);
  const [serviceCode, setServiceCode] = useState("");
  const [description, setDescription] = useState("");
  const [filed, setFiled] = useState<{ id: number; code: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A new form (new map, empty place search) for each caller.
  const [formKey, setFormKey] = useState(0);
  const submissionKey = useRef("");
  const confirmation = useRef<HTMLDivElement>(null);
  const lookupInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    submissionKey.current = crypto.randomUUID();
  }, []);
  // The number to read out is the first thing the agent sees after filing, wherever they had scrolled.
  useEffect(() => {
    if (!filed || !confirmation.current) return;
    confirmation.current.scrollIntoView({ block: "center" });
    confirmation.current.focus();
  }, [filed]);

  /** Empties everything about the last caller; the next filing gets its own submission key. */
  const clearForNextCaller = () => {
    setLookup("");
    setHistory(null);
    setContact({ name: "", email: "", phone: "" });
    setChannel("phone");
    setPosition(null);
    setServiceCode("");
    setDescription("");
    setError(null);
    setFormKey((k) => k + 1);
    submissionKey.current = crypto.randomUUID();
  };

  // Where it would go, and what is already reported nearby, as soon as place and category are known.
  const query = pointQuery(serviceCode || null, position);
  const routing = useFetched<RoutingPreview>(query && `/api/staff/routing-preview?${query}`);
  const candidates =
    useFetched<{ candidates: DuplicateCandidate[] }>(query && `/api/reports/nearby?${query}`)?.candidates ??
    [];

  const findCaller = async (event: React.FormEvent) => {
    event.preventDefault();
    const res = await fetch(`/api/staff/callers?q=${encodeURIComponent(lookup)}`);
    const body = res.ok ? await res.json() : { reports: [] };
    setHistory(body.reports);
    const latest: CallerReport | undefined = body.reports[0];
    const typed = lookup.trim();
    setContact({
      name: latest?.contact.name ?? "",
      email: latest?.contact.email ?? (typed.includes("@") ? typed : ""),
      phone: latest?.contact.phone ?? (typed.includes("@") ? "" : typed),
    });
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!position) return setError(t("report.missingLocation"));
    if (!serviceCode) return setError(t("report.missingCategory"));
    const res = await apiFetch<{ id: number; trackingCode: string }>("/api/staff/intake", {
      method: "POST",
      json: {
        serviceCode,
        position,
        description,
        channel,
        contact:
          contact.name || contact.email || contact.phone
            ? {
                name: contact.name || undefined,
                email: contact.email || undefined,
                phone: contact.phone || undefined,
                anonymous: false,
              }
            : undefined,
        submissionKey: submissionKey.current,
      },
    });
    if (!res.ok) return setError(res.message ?? t("report.networkError"));
    clearForNextCaller();
    setFiled({ id: res.data.id, code: res.data.trackingCode });
  };

  const due = (iso: string) => format.dateTime(new Date(iso), "medium");
  // Serbian dates end in a full stop ("11. 12. 2026."); inside a sentence that ends with one, drop it.
  const dueInSentence = (iso: string) => withoutFinalStop(due(iso));

  return (
    <div className="intake-grid">
      <section aria-labelledby="caller-title">
        <h2 id="caller-title">{t("intake.caller")}</h2>
        <form onSubmit={findCaller} className="row">
          <label className="sr-only" htmlFor="caller-lookup">
            {t("intake.callerLookup")}
          </label>
          <input
            ref={lookupInput}
            id="caller-lookup"
            placeholder={t("intake.callerLookup")}
            value={lookup}
            onChange={(e) => setLookup(e.target.value)}
          />
          <button type="submit">{t("intake.find")}</button>
        </form>
        {history ? (
          history.length === 0 ? (
            <p role="status">{t("intake.noHistory")}</p>
          ) : (
            <>
              <h3>{t("intake.history")}</h3>
              <ul className="caller-history" data-testid="caller-history">
                {history.map((r) => (
                  <li key={r.id}>
                    <Link href={`/staff/reports/${r.id}`}>{r.code}</Link> — {r.category} ·{" "}
                    <strong>{tt(`status.${r.status}`)}</strong>
                    {r.organisation ? ` · ${r.organisation}` : ""} · {due(r.createdAt)}
                    {r.dueAt ? ` → ${due(r.dueAt)}` : ""}
                    {r.lastPublicText ? (
                      <p className="hint">{t("intake.lastWord", { text: r.lastPublicText })}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          )
        ) : null}
      </section>

      <section aria-labelledby="new-title">
        <h2 id="new-title">{t("intake.newRequest")}</h2>
        {filed ? (
          <div
            className="banner success intake-filed"
            role="status"
            tabIndex={-1}
            ref={confirmation}
            data-testid="intake-filed"
          >
            <p>
              {t("intake.filed")} <strong className="tracking-code">{filed.code}</strong>
            </p>
            <p className="row">
              <Link href={`/staff/reports/${filed.id}`}>{t("intake.open")}</Link>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setFiled(null);
                  lookupInput.current?.focus();
                }}
              >
                {t("intake.nextCaller")}
              </button>
            </p>
          </div>
        ) : null}
        <form onSubmit={submit} noValidate key={formKey}>
          <label htmlFor="channel">{t("intake.channel")}</label>
          <select id="channel" value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)}>
            {(["phone", "counter", "email"] as const).map((c) => (
              <option key={c} value={c}>
                {tt(`channel.${c}`)}
              </option>
            ))}
          </select>
          <PlaceSearch onPick={setPosition} />
          <PointPicker
            municipalityCode={municipalityCode}
            bbox={bbox}
            position={position}
            onChange={setPosition}
            nearby={candidates.map((c) => ({ code: c.code, position: c.position as Position }))}
          />
          <label htmlFor="intake-category">{t("intake.category")}</label>
          <select id="intake-category" value={serviceCode} onChange={(e) => setServiceCode(e.target.value)}>
            <CategoryOptions groups={groups} emptyLabel={t("intake.chooseCategory")} />
          </select>
          {routing ? (
            <p className="hint" role="status" data-testid="routing-preview">
              {routing.organisation
                ? t("intake.routing", {
                    organisation: routing.organisation,
                    days: routing.slaWorkingDays,
                    due: dueInSentence(routing.dueAt),
                  })
                : t("intake.routingTriage", { due: due(routing.dueAt) })}
            </p>
          ) : null}
          {candidates.length > 0 ? (
            <div className="nearby" data-testid="intake-duplicates">
              <h3>{t("intake.duplicates")}</h3>
              <ul>
                {candidates.map((c) => (
                  <li key={c.code}>
                    <Link href={`/reports/${c.code}`}>{c.code}</Link> — {c.categoryName}, {c.distanceMetres} m
                    · {tt(`status.${c.status}`)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <label htmlFor="intake-description">{t("intake.description")}</label>
          <textarea
            id="intake-description"
            rows={3}
            maxLength={maxDescription}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <label htmlFor="intake-name">{t("report.name")}</label>
          <input
            id="intake-name"
            value={contact.name}
            maxLength={120}
            onChange={(e) => setContact({ ...contact, name: e.target.value })}
          />
          <label htmlFor="intake-email">{t("report.email")}</label>
          <input
            id="intake-email"
            type="email"
            value={contact.email}
            maxLength={254}
            onChange={(e) => setContact({ ...contact, email: e.target.value })}
          />
          <label htmlFor="intake-phone">{t("report.phone")}</label>
          <input
            id="intake-phone"
            type="tel"
            value={contact.phone}
            maxLength={25}
            onChange={(e) => setContact({ ...contact, phone: e.target.value })}
          />
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="primary">
            {t("intake.submit")}
          </button>
        </form>
      </section>
    </div>
  );
}
