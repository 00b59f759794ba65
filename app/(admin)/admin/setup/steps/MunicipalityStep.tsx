"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { SetupDraftData } from "@/lib/onboarding/draft-schema";
import { slug } from "./setup-shared";

/** Step 1: the municipality's names in three scripts and its code. */
export function MunicipalityStep({
  value,
  busy,
  onSave,
}: {
  value: SetupDraftData["municipality"];
  busy: boolean;
  onSave: (v: unknown) => void;
}) {
  const t = useTranslations("setup");
  const [code, setCode] = useState(value?.code ?? "");
  const [latin, setLatin] = useState(value?.name["sr-Latn"] ?? "");
  const [cyrillic, setCyrillic] = useState(value?.name["sr-Cyrl"] ?? "");
  const [english, setEnglish] = useState(value?.name.en ?? "");
  return (
    <form
      aria-labelledby="step-municipality"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ code, name: { "sr-Latn": latin, "sr-Cyrl": cyrillic || undefined, en: english } });
      }}
    >
      <h2 id="step-municipality">{t("step.municipality")}</h2>
      <label htmlFor="m-latin">{t("municipality.nameLatin")}</label>
      <input
        id="m-latin"
        required
        value={latin}
        onChange={(e) => {
          setLatin(e.target.value);
          if (!value) setCode(slug(e.target.value));
        }}
      />
      <label htmlFor="m-cyrillic">{t("municipality.nameCyrillic")}</label>
      <input
        id="m-cyrillic"
        value={cyrillic}
        onChange={(e) => setCyrillic(e.target.value)}
        aria-describedby="m-cyrillic-hint"
      />
      <p id="m-cyrillic-hint" className="hint">
        {t("municipality.cyrillicHint")}
      </p>
      <label htmlFor="m-english">{t("municipality.nameEnglish")}</label>
      <input id="m-english" required value={english} onChange={(e) => setEnglish(e.target.value)} />
      <label htmlFor="m-code">{t("municipality.code")}</label>
      <input
        id="m-code"
        required
        pattern="[a-z0-9][a-z0-9_\-]{1,62}"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        aria-describedby="m-code-hint"
      />
      <p id="m-code-hint" className="hint">
        {t("municipality.codeHint")}
      </p>
      <button type="submit" className="button primary" disabled={busy}>
        {t("saveStep")}
      </button>
    </form>
  );
}
