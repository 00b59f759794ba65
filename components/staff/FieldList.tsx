"use client";

import { useCallback, useEffect, useState } from "react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { FieldItem } from "@/lib/reports/list-field-queue";
import { FieldReportForm } from "./FieldReportForm";

/** The crew's list on a phone: nearest first from where they stand, with a way to get there. */
export function FieldList() {
  const t = useTranslations();
  const tt = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const format = useFormatter();
  const [items, setItems] = useState<FieldItem[] | null>(null);
  const [state, setState] = useState<"idle" | "locating" | "noLocation">("idle");
  const [position, setPosition] = useState<[number, number] | null>(null);

  const load = useCallback(async (at: [number, number] | null) => {
    const query = at ? `?lng=${at[0]}&lat=${at[1]}` : "";
    const res = await fetch(`/api/staff/field${query}`);
    if (res.ok) setItems((await res.json()).items);
  }, []);

  const locate = useCallback(() => {
    if (!navigator.geolocation) {
      setState("noLocation");
      void load(null);
      return;
    }
    setState("locating");
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setState("idle");
        const here: [number, number] = [p.coords.longitude, p.coords.latitude];
        setPosition(here);
        void load(here);
      },
      () => {
        setState("noLocation");
        void load(null);
      },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  }, [load]);

  // Ask for the position once the page is shown.
  useEffect(() => {
    const timer = setTimeout(locate, 0);
    return () => clearTimeout(timer);
  }, [locate]);

  return (
    <div className="field">
      <button type="button" onClick={locate} disabled={state === "locating"}>
        {state === "locating" ? t("field.locating") : t("field.locate")}
      </button>
      {state === "noLocation" ? <p className="hint" role="status">{t("field.noLocation")}</p> : null}
      <details className="field-new">
        <summary>{t("field.newHere")}</summary>
        <FieldReportForm position={position} onFiled={() => void load(position)} />
      </details>
      {items && items.length === 0 ? <p>{t("field.empty")}</p> : null}
      <ol className="field-list" data-testid="field-list">
        {(items ?? []).map((item) => (
          <li key={item.id} data-code={item.code}>
            <strong>{item.category}</strong> · {tt(`status.${item.status}`)}
            <span className="hint">
              {" "}
              {[item.address, item.distanceMetres !== null ? t("field.distance", { metres: item.distanceMetres }) : null].filter(Boolean).join(" · ")}
              {item.dueAt ? ` · ${format.dateTime(new Date(item.dueAt), { dateStyle: "short", timeZone: "Europe/Belgrade" })}` : ""}
            </span>
            <div className="row">
              <Link href={`/staff/reports/${item.id}`}>{t("field.open")}</Link>
              <a href={`geo:${item.position[1]},${item.position[0]}`}>{t("field.navigate")}</a>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
