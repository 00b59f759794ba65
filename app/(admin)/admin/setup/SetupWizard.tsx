"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { CatalogueCategory } from "@/lib/onboarding/catalogue";
import type { SetupDraftData, SetupStep } from "@/lib/onboarding/draft-schema";
import { BoundaryStep } from "./steps/BoundaryStep";
import { CalendarStep } from "./steps/CalendarStep";
import { CategoriesStep } from "./steps/CategoriesStep";
import { DistrictsStep } from "./steps/DistrictsStep";
import { MunicipalityStep } from "./steps/MunicipalityStep";
import { OrganisationsStep } from "./steps/OrganisationsStep";
import { SetupDone, type Finished } from "./steps/SetupDone";
import { send, type Organisation } from "./steps/setup-shared";
import { StaffStep } from "./steps/StaffStep";

const steps: Array<SetupStep | "finish"> = [
  "municipality",
  "boundary",
  "districts",
  "organisations",
  "categories",
  "calendar",
  "staff",
  "finish",
];

export function SetupWizard(props: {
  initial: SetupDraftData;
  catalogue: {
    categories: CatalogueCategory[];
    organisations: Organisation[];
    groups: Array<{ code: string; name: string }>;
  };
  holidays: Array<{ date: string; key: string }>;
}) {
  const t = useTranslations("setup");
  const tErrors = useTranslations("errors");
  const [draft, setDraft] = useState<SetupDraftData>(props.initial);
  const firstOpen = steps.findIndex((s) => s !== "finish" && !(s in props.initial));
  const [current, setCurrent] = useState<SetupStep | "finish">(
    steps[firstOpen < 0 ? steps.length - 1 : firstOpen]!,
  );
  const [message, setMessage] = useState<{ kind: "error" | "saved"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [finished, setFinished] = useState<Finished | null>(null);

  const save = async (step: SetupStep, value: unknown) => {
    setBusy(true);
    setMessage(null);
    const result = await send(`/api/admin/setup/${step}`, { method: "PUT", json: value });
    setBusy(false);
    if (!result.ok)
      return setMessage({
        kind: "error",
        text: result.message === "network" ? tErrors("generic") : result.message,
      });
    setDraft((result.body as { data: SetupDraftData }).data);
    setMessage({ kind: "saved", text: t("saved") });
    const next = steps[steps.indexOf(step) + 1];
    if (next) setCurrent(next);
  };

  const finish = async () => {
    setBusy(true);
    setMessage(null);
    const result = await send("/api/admin/setup/finish", { method: "POST" });
    setBusy(false);
    if (!result.ok)
      return setMessage({
        kind: "error",
        text: result.message === "network" ? tErrors("generic") : result.message,
      });
    setFinished(result.body as Finished);
  };

  if (finished) return <SetupDone finished={finished} />;

  return (
    <div className="setup-wizard">
      <nav aria-label={t("stepsLabel")}>
        <ol className="setup-steps">
          {steps.map((s) => (
            <li key={s}>
              <button
                type="button"
                aria-current={s === current ? "step" : undefined}
                onClick={() => setCurrent(s)}
              >
                {t(`step.${s}`)} {s !== "finish" && s in draft ? "✓" : ""}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {message ? (
        <p
          role={message.kind === "error" ? "alert" : "status"}
          className={message.kind === "error" ? "error" : "hint"}
        >
          {message.text}
        </p>
      ) : null}
      {current === "municipality" ? (
        <MunicipalityStep value={draft.municipality} busy={busy} onSave={(v) => save("municipality", v)} />
      ) : null}
      {current === "boundary" ? (
        <BoundaryStep value={draft.boundary} busy={busy} onSave={(v) => save("boundary", v)} />
      ) : null}
      {current === "districts" ? (
        <DistrictsStep value={draft.districts} busy={busy} onSave={(v) => save("districts", v)} />
      ) : null}
      {current === "organisations" ? (
        <OrganisationsStep
          value={draft.organisations ?? props.catalogue.organisations}
          busy={busy}
          onSave={(v) => save("organisations", v)}
        />
      ) : null}
      {current === "categories" ? (
        <CategoriesStep
          value={draft.categories}
          catalogue={props.catalogue.categories}
          groups={props.catalogue.groups}
          busy={busy}
          onSave={(v) => save("categories", v)}
        />
      ) : null}
      {current === "calendar" ? (
        <CalendarStep
          value={draft.calendar ?? []}
          holidays={props.holidays}
          busy={busy}
          onSave={(v) => save("calendar", v)}
        />
      ) : null}
      {current === "staff" ? (
        <StaffStep
          value={draft.staff ?? []}
          organisations={(draft.organisations ?? []).map((o) => o.code)}
          busy={busy}
          onSave={(v) => save("staff", v)}
        />
      ) : null}
      {current === "finish" ? (
        <section aria-labelledby="setup-finish">
          <h2 id="setup-finish">{t("step.finish")}</h2>
          <ul>
            {steps
              .filter((s): s is SetupStep => s !== "finish")
              .map((s) => (
                <li key={s}>
                  {t(`step.${s}`)}: {s in draft ? t("summary.done") : t("summary.missing")}
                </li>
              ))}
          </ul>
          <button type="button" className="button primary" disabled={busy} onClick={finish}>
            {t("finish")}
          </button>
        </section>
      ) : null}
    </div>
  );
}
