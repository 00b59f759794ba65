"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { MultiPolygon } from "geojson";
import type { CatalogueCategory, OrganisationKind } from "@/lib/onboarding/catalogue";
import type { SetupDraftData, SetupStep } from "@/lib/onboarding/draft-schema";
import type { GeodataPreview, PreviewFeature } from "@/lib/geodata/preview-geodata";
import { GeodataPreviewMap, type PreviewShape } from "./GeodataPreviewMap";

type Organisation = NonNullable<SetupDraftData["organisations"]>[number];
type Category = NonNullable<SetupDraftData["categories"]>[number];
type StaffMember = NonNullable<SetupDraftData["staff"]>[number];
type Finished = {
  municipalityCode: string;
  invitations: Array<{ email: string; link: string | null; existingUser: boolean }>;
};

const kinds: OrganisationKind[] = ["contact_centre", "department", "inspectorate", "utility_company"];
const roles = [
  "agent",
  "inspector",
  "utility_operator",
  "permit_officer",
  "planner",
  "org_admin",
  "admin",
] as const;
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

function slug(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/gi, "dj")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "x"
  );
}

async function send(
  url: string,
  init: RequestInit,
): Promise<{ ok: true; body: unknown } | { ok: false; message: string }> {
  try {
    const res = await fetch(url, init);
    const body = await res.json().catch(() => null);
    if (res.ok) return { ok: true, body };
    return {
      ok: false,
      message: (body as { error?: { message?: string } } | null)?.error?.message ?? String(res.status),
    };
  } catch {
    return { ok: false, message: "network" };
  }
}

/** The onboarding wizard: each step is saved on the server, so the admin can leave and come back. */
export function SetupWizard(props: {
  initial: SetupDraftData;
  catalogue: {
    categories: CatalogueCategory[];
    organisations: Organisation[];
    groups: Array<{ code: string; name: string }>;
  };
  holidays: Array<{ date: string; key: string }>;
  styleUrl: string;
  styleTimeoutMs: number;
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
    const result = await send(`/api/admin/setup/${step}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(value),
    });
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

  if (finished) {
    return (
      <section aria-labelledby="setup-done" className="setup-done">
        <h2 id="setup-done">{t("done.title")}</h2>
        <p>{t("done.intro")}</p>
        <p>
          <a href={`/?municipality=${encodeURIComponent(finished.municipalityCode)}`}>{t("done.openMap")}</a>
        </p>
        {finished.invitations.length > 0 ? (
          <table>
            <caption>{t("done.invitations")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.email")}</th>
                <th scope="col">{t("done.invitation")}</th>
              </tr>
            </thead>
            <tbody>
              {finished.invitations.map((i) => (
                <tr key={i.email}>
                  <td>{i.email}</td>
                  <td>
                    {i.existingUser ? (
                      t("done.existingUser")
                    ) : i.link ? (
                      <code>{i.link}</code>
                    ) : (
                      t("done.emailed")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    );
  }

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
        <BoundaryStep value={draft.boundary} busy={busy} map={props} onSave={(v) => save("boundary", v)} />
      ) : null}
      {current === "districts" ? (
        <DistrictsStep value={draft.districts} busy={busy} map={props} onSave={(v) => save("districts", v)} />
      ) : null}
      {current === "organisations" ? (
        <OrganisationsStep
          value={draft.organisations ?? props.catalogue.organisations}
          busy={busy}
          map={props}
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

type MapProps = { styleUrl: string; styleTimeoutMs: number };

/** Uploads a file for a preview; shows each feature's status and reason. */
function useGeodataUpload(purpose: "boundary" | "districts" | "service-area") {
  const tErrors = useTranslations("errors");
  const [preview, setPreview] = useState<(GeodataPreview & { fileName: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setLoading(true);
    setError(null);
    setPreview(null);
    const form = new FormData();
    form.set("file", file);
    form.set("purpose", purpose);
    const result = await send("/api/admin/setup/geodata", { method: "POST", body: form });
    setLoading(false);
    if (!result.ok) return setError(result.message === "network" ? tErrors("generic") : result.message);
    setPreview(result.body as GeodataPreview & { fileName: string });
  };
  return { preview, error, loading, upload };
}

function FeatureReport({ preview }: { preview: GeodataPreview & { fileName: string } }) {
  const t = useTranslations("setup");
  return (
    <div className="geodata-report">
      <p role="status">
        {t("preview.summary", {
          file: preview.fileName,
          crs: preview.sourceCrs,
          ok: preview.counts.ok,
          repaired: preview.counts.repaired,
          rejected: preview.counts.rejected,
        })}
      </p>
      {preview.features.some((f) => f.status !== "ok" || f.outsideBoundary) ? (
        <ul className="geodata-problems">
          {preview.features
            .filter((f) => f.status !== "ok" || f.outsideBoundary)
            .map((f) => (
              <li key={f.index}>
                {t("preview.feature", { number: f.index + 1 })}: {t(`status.${f.status}`)}
                {f.reason ? ` – ${t(`reason.${f.reason}`)}` : ""}
                {f.detail ? ` (${f.detail})` : ""}
                {f.outsideBoundary ? ` – ${t("preview.outsideBoundary")}` : ""}
              </li>
            ))}
        </ul>
      ) : null}
    </div>
  );
}

const usable = (
  f: PreviewFeature,
): f is PreviewFeature & { geometry: MultiPolygon; status: "ok" | "repaired" } =>
  f.status !== "rejected" && f.geometry !== null;

function describeFeature(f: PreviewFeature): string {
  return Object.values(f.properties)
    .filter((v) => typeof v === "string" && v.length > 0)
    .slice(0, 3)
    .join(" · ");
}

function MunicipalityStep({
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

function BoundaryStep({
  value,
  busy,
  map,
  onSave,
}: {
  value: SetupDraftData["boundary"];
  busy: boolean;
  map: MapProps;
  onSave: (v: unknown) => void;
}) {
  const t = useTranslations("setup");
  const { preview, error, loading, upload } = useGeodataUpload("boundary");
  const [chosen, setChosen] = useState<number | null>(null);
  const [source, setSource] = useState(value?.boundarySource ?? "");
  const candidates = useMemo(() => (preview ? preview.features.filter(usable) : []), [preview]);
  const selected = candidates.find((f) => f.index === (chosen ?? candidates[0]?.index));
  const shapes: PreviewShape[] = preview
    ? candidates.map((f) => ({
        index: f.index,
        status: f.status,
        geometry: f.geometry,
        selected: f.index === selected?.index,
      }))
    : value
      ? [{ index: 0, status: "ok", geometry: value.geometry, selected: true }]
      : [];
  return (
    <form
      aria-labelledby="step-boundary"
      onSubmit={(e) => {
        e.preventDefault();
        if (!preview || !selected) return;
        onSave({
          fileName: preview.fileName,
          sourceCrs: preview.sourceCrs,
          featureIndex: selected.index,
          boundarySource: source || preview.fileName,
          geometry: selected.geometry,
        });
      }}
    >
      <h2 id="step-boundary">{t("step.boundary")}</h2>
      <p className="hint">{t("fileHint")}</p>
      {value ? <p>{t("boundary.current", { file: value.fileName, crs: value.sourceCrs })}</p> : null}
      <label htmlFor="boundary-file">{t("boundary.file")}</label>
      <input
        id="boundary-file"
        type="file"
        accept=".geojson,.json,.zip,.gpkg"
        onChange={(e) => upload(e.target.files?.[0])}
      />
      {loading ? <p role="status">{t("preview.loading")}</p> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {preview ? <FeatureReport preview={preview} /> : null}
      {candidates.length > 0 ? (
        <fieldset>
          <legend>{t("boundary.choose")}</legend>
          {candidates.map((f) => (
            <label key={f.index} className="choice">
              <input
                type="radio"
                name="boundary-feature"
                checked={f.index === selected?.index}
                onChange={() => setChosen(f.index)}
              />
              <span>
                {t("preview.feature", { number: f.index + 1 })} {describeFeature(f)} (
                {t("preview.area", { km2: ((f.areaSquareMetres ?? 0) / 1e6).toFixed(1) })})
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {shapes.length > 0 ? (
        <GeodataPreviewMap
          shapes={shapes}
          label={t("preview.mapLabel")}
          styleUrl={map.styleUrl}
          styleTimeoutMs={map.styleTimeoutMs}
        />
      ) : null}
      <label htmlFor="boundary-source">{t("boundary.source")}</label>
      <input
        id="boundary-source"
        value={source}
        onChange={(e) => setSource(e.target.value)}
        placeholder={t("boundary.sourcePlaceholder")}
      />
      <button type="submit" className="button primary" disabled={busy || !selected}>
        {t("saveStep")}
      </button>
    </form>
  );
}

function DistrictsStep({
  value,
  busy,
  map,
  onSave,
}: {
  value: SetupDraftData["districts"];
  busy: boolean;
  map: MapProps;
  onSave: (v: unknown) => void;
}) {
  const t = useTranslations("setup");
  const { preview, error, loading, upload } = useGeodataUpload("districts");
  const [nameAttribute, setNameAttribute] = useState<string>("");
  const candidates = useMemo(() => (preview ? preview.features.filter(usable) : []), [preview]);
  const attribute =
    nameAttribute ||
    preview?.attributes.find((a) => candidates.every((f) => typeof f.properties[a] === "string")) ||
    preview?.attributes[0] ||
    "";
  const items = candidates.map((f, i) => {
    const name =
      String(f.properties[attribute] ?? "").trim() || t("preview.feature", { number: f.index + 1 });
    return {
      code:
        `${slug(name)}`.slice(0, 55) +
        (candidates.findIndex((g) => slug(String(g.properties[attribute] ?? "")) === slug(name)) === i
          ? ""
          : `-${i}`),
      name,
      geometry: f.geometry,
    };
  });
  const shapes: PreviewShape[] = preview
    ? candidates.map((f) => ({ index: f.index, status: f.status, geometry: f.geometry, selected: false }))
    : (value?.items ?? []).map((d, i) => ({ index: i, status: "ok", geometry: d.geometry, selected: false }));
  return (
    <form
      aria-labelledby="step-districts"
      onSubmit={(e) => {
        e.preventDefault();
        if (!preview)
          return onSave(value ?? { fileName: "-", sourceCrs: "EPSG:4326", nameAttribute: "-", items: [] });
        onSave({ fileName: preview.fileName, sourceCrs: preview.sourceCrs, nameAttribute: attribute, items });
      }}
    >
      <h2 id="step-districts">{t("step.districts")}</h2>
      <p className="hint">{t("districts.hint")}</p>
      {value ? <p>{t("districts.current", { count: value.items.length, file: value.fileName })}</p> : null}
      <label htmlFor="districts-file">{t("districts.file")}</label>
      <input
        id="districts-file"
        type="file"
        accept=".geojson,.json,.zip,.gpkg"
        onChange={(e) => upload(e.target.files?.[0])}
      />
      {loading ? <p role="status">{t("preview.loading")}</p> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {preview ? <FeatureReport preview={preview} /> : null}
      {preview ? (
        <>
          <label htmlFor="districts-name">{t("districts.nameAttribute")}</label>
          <select id="districts-name" value={attribute} onChange={(e) => setNameAttribute(e.target.value)}>
            {preview.attributes.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
          <ul className="district-names">
            {items.map((d) => (
              <li key={d.code}>
                {d.name} <span className="hint">({d.code})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {shapes.length > 0 ? (
        <GeodataPreviewMap
          shapes={shapes}
          label={t("preview.mapLabel")}
          styleUrl={map.styleUrl}
          styleTimeoutMs={map.styleTimeoutMs}
        />
      ) : null}
      <button type="submit" className="button primary" disabled={busy}>
        {preview ? t("saveStep") : t("skipStep")}
      </button>
    </form>
  );
}

function ServiceAreaUpload({ onArea, map }: { onArea: (area: MultiPolygon | null) => void; map: MapProps }) {
  const t = useTranslations("setup");
  const { preview, error, loading, upload } = useGeodataUpload("service-area");
  const candidates = preview ? preview.features.filter(usable) : [];
  return (
    <div className="service-area-upload">
      <input
        type="file"
        aria-label={t("organisations.serviceAreaFile")}
        accept=".geojson,.json,.zip,.gpkg"
        onChange={(e) => upload(e.target.files?.[0])}
      />
      {loading ? <p role="status">{t("preview.loading")}</p> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {preview ? <FeatureReport preview={preview} /> : null}
      {candidates.length > 0 ? (
        <>
          <select
            aria-label={t("organisations.serviceAreaFeature")}
            defaultValue=""
            onChange={(e) =>
              onArea(
                e.target.value === ""
                  ? null
                  : candidates.find((f) => f.index === Number(e.target.value))!.geometry,
              )
            }
          >
            <option value="">{t("organisations.wholeMunicipality")}</option>
            {candidates.map((f) => (
              <option key={f.index} value={f.index}>
                {t("preview.feature", { number: f.index + 1 })} {describeFeature(f)}
              </option>
            ))}
          </select>
          <GeodataPreviewMap
            shapes={candidates.map((f) => ({
              index: f.index,
              status: f.status,
              geometry: f.geometry,
              selected: false,
            }))}
            label={t("preview.mapLabel")}
            styleUrl={map.styleUrl}
            styleTimeoutMs={map.styleTimeoutMs}
          />
        </>
      ) : null}
    </div>
  );
}

function OrganisationsStep({
  value,
  busy,
  map,
  onSave,
}: {
  value: Organisation[];
  busy: boolean;
  map: MapProps;
  onSave: (v: unknown) => void;
}) {
  const t = useTranslations("setup");
  const [rows, setRows] = useState(value.map((o) => ({ ...o, include: true })));
  const update = (i: number, patch: Partial<(typeof rows)[number]>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <form
      aria-labelledby="step-organisations"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(
          rows
            .filter((r) => r.include)
            .map(({ include: _include, ...o }) => ({
              ...o,
              email: o.email || null,
              serviceArea: o.serviceArea ?? null,
            })),
        );
      }}
    >
      <h2 id="step-organisations">{t("step.organisations")}</h2>
      <p className="hint">{t("organisations.hint")}</p>
      {rows.map((o, i) => (
        <fieldset key={i} className="organisation-row">
          <legend>{o.name["sr-Latn"] || t("organisations.new")}</legend>
          <label className="choice">
            <input
              type="checkbox"
              checked={o.include}
              onChange={(e) => update(i, { include: e.target.checked })}
            />
            <span>{t("include")}</span>
          </label>
          <label>
            {t("organisations.nameLatin")}
            <input
              value={o.name["sr-Latn"]}
              onChange={(e) => update(i, { name: { ...o.name, "sr-Latn": e.target.value } })}
            />
          </label>
          <label>
            {t("organisations.nameEnglish")}
            <input
              value={o.name.en}
              onChange={(e) => update(i, { name: { ...o.name, en: e.target.value } })}
            />
          </label>
          <label>
            {t("organisations.code")}
            <input value={o.code} onChange={(e) => update(i, { code: e.target.value })} />
          </label>
          <label>
            {t("organisations.kind")}
            <select value={o.kind} onChange={(e) => update(i, { kind: e.target.value as OrganisationKind })}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("organisations.sector")}
            <input value={o.sector ?? ""} onChange={(e) => update(i, { sector: e.target.value || null })} />
          </label>
          <label>
            {t("organisations.email")}
            <input
              type="email"
              value={o.email ?? ""}
              onChange={(e) => update(i, { email: e.target.value || null })}
            />
          </label>
          <p className="hint">
            {o.serviceArea ? t("organisations.hasServiceArea") : t("organisations.wholeMunicipality")}
          </p>
          <ServiceAreaUpload
            map={map}
            onArea={(area) => update(i, { serviceArea: area as Organisation["serviceArea"] })}
          />
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() =>
          setRows((all) => [
            ...all,
            {
              code: "",
              kind: "utility_company",
              sector: null,
              name: { "sr-Latn": "", en: "" },
              email: null,
              serviceArea: null,
              include: true,
            },
          ])
        }
      >
        {t("organisations.add")}
      </button>
      <button type="submit" className="button primary" disabled={busy}>
        {t("saveStep")}
      </button>
    </form>
  );
}

function CategoriesStep({
  value,
  catalogue,
  groups,
  busy,
  onSave,
}: {
  value: Category[] | undefined;
  catalogue: CatalogueCategory[];
  groups: Array<{ code: string; name: string }>;
  busy: boolean;
  onSave: (v: unknown) => void;
}) {
  const t = useTranslations("setup");
  const chosen = new Set((value ?? catalogue).map((c) => c.serviceCode));
  const start = [
    ...(value ?? []),
    ...catalogue.filter((c) => !value?.some((v) => v.serviceCode === c.serviceCode)),
  ];
  const [rows, setRows] = useState(start.map((c) => ({ ...c, include: chosen.has(c.serviceCode) })));
  const update = (i: number, patch: Partial<(typeof rows)[number]>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <form
      aria-labelledby="step-categories"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(rows.filter((r) => r.include).map(({ include: _include, ...c }) => c));
      }}
    >
      <h2 id="step-categories">{t("step.categories")}</h2>
      <p className="hint">{t("categories.hint")}</p>
      <table className="categories-table">
        <thead>
          <tr>
            <th scope="col">{t("include")}</th>
            <th scope="col">{t("categories.nameLatin")}</th>
            <th scope="col">{t("categories.nameEnglish")}</th>
            <th scope="col">{t("categories.group")}</th>
            <th scope="col">{t("categories.sla")}</th>
            <th scope="col">{t("categories.kind")}</th>
            <th scope="col">{t("categories.sector")}</th>
            <th scope="col">{t("categories.public")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c, i) => (
            <tr key={c.serviceCode}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t("categories.includeOne", { name: c.name["sr-Latn"] })}
                  checked={c.include}
                  onChange={(e) => update(i, { include: e.target.checked })}
                />
              </td>
              <td>
                <input
                  aria-label={t("categories.nameLatin")}
                  value={c.name["sr-Latn"]}
                  onChange={(e) => update(i, { name: { ...c.name, "sr-Latn": e.target.value } })}
                />
              </td>
              <td>
                <input
                  aria-label={t("categories.nameEnglish")}
                  value={c.name.en}
                  onChange={(e) => update(i, { name: { ...c.name, en: e.target.value } })}
                />
              </td>
              <td>{groups.find((g) => g.code === c.groupCode)?.name ?? c.groupCode}</td>
              <td>
                <input
                  type="number"
                  min={1}
                  max={365}
                  aria-label={t("categories.slaOf", { name: c.name["sr-Latn"] })}
                  value={c.slaWorkingDays}
                  onChange={(e) => update(i, { slaWorkingDays: Number(e.target.value) })}
                />
              </td>
              <td>
                <select
                  aria-label={t("categories.kind")}
                  value={c.responsibleKind}
                  onChange={(e) => update(i, { responsibleKind: e.target.value as OrganisationKind })}
                >
                  {kinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`kind.${k}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  aria-label={t("categories.sector")}
                  value={c.responsibleSector ?? ""}
                  onChange={(e) => update(i, { responsibleSector: e.target.value || null })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={t("categories.public")}
                  checked={c.isPublic}
                  onChange={(e) => update(i, { isPublic: e.target.checked })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" className="button primary" disabled={busy}>
        {t("saveStep")}
      </button>
    </form>
  );
}

function CalendarStep({
  value,
  holidays,
  busy,
  onSave,
}: {
  value: NonNullable<SetupDraftData["calendar"]>;
  holidays: Array<{ date: string; key: string }>;
  busy: boolean;
  onSave: (v: unknown) => void;
}) {
  const t = useTranslations("setup");
  const [rows, setRows] = useState(value);
  return (
    <form
      aria-labelledby="step-calendar"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(rows.filter((r) => r.date && r.reason));
      }}
    >
      <h2 id="step-calendar">{t("step.calendar")}</h2>
      <p className="hint">{t("calendar.hint")}</p>
      <details>
        <summary>{t("calendar.national")}</summary>
        <ul>
          {holidays.map((h) => (
            <li key={h.date + h.key}>
              {h.date} – {t(`holiday.${h.key}`)}
            </li>
          ))}
        </ul>
      </details>
      {rows.map((r, i) => (
        <fieldset key={i} className="calendar-row">
          <legend>{t("calendar.override", { number: i + 1 })}</legend>
          <label>
            {t("calendar.date")}
            <input
              type="date"
              value={r.date}
              onChange={(e) =>
                setRows((all) => all.map((x, j) => (j === i ? { ...x, date: e.target.value } : x)))
              }
            />
          </label>
          <label className="choice">
            <input
              type="checkbox"
              checked={r.isWorking}
              onChange={(e) =>
                setRows((all) => all.map((x, j) => (j === i ? { ...x, isWorking: e.target.checked } : x)))
              }
            />
            <span>{t("calendar.isWorking")}</span>
          </label>
          <label>
            {t("calendar.reason")}
            <input
              value={r.reason}
              onChange={(e) =>
                setRows((all) => all.map((x, j) => (j === i ? { ...x, reason: e.target.value } : x)))
              }
            />
          </label>
          <button
            type="button"
            className="button"
            onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
          >
            {t("remove")}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => setRows((all) => [...all, { date: "", isWorking: false, reason: "" }])}
      >
        {t("calendar.add")}
      </button>
      <button type="submit" className="button primary" disabled={busy}>
        {t("saveStep")}
      </button>
    </form>
  );
}

function StaffStep({
  value,
  organisations,
  busy,
  onSave,
}: {
  value: StaffMember[];
  organisations: string[];
  busy: boolean;
  onSave: (v: unknown) => void;
}) {
  const t = useTranslations("setup");
  const [rows, setRows] = useState(value);
  const update = (i: number, patch: Partial<StaffMember>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <form
      aria-labelledby="step-staff"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(rows);
      }}
    >
      <h2 id="step-staff">{t("step.staff")}</h2>
      <p className="hint">{t("staff.hint")}</p>
      {rows.map((r, i) => (
        <fieldset key={i} className="staff-row">
          <legend>{r.name || t("staff.new")}</legend>
          <label>
            {t("staff.name")}
            <input value={r.name} onChange={(e) => update(i, { name: e.target.value })} />
          </label>
          <label>
            {t("staff.email")}
            <input type="email" value={r.email} onChange={(e) => update(i, { email: e.target.value })} />
          </label>
          <label>
            {t("staff.role")}
            <select
              value={r.role}
              onChange={(e) => update(i, { role: e.target.value as StaffMember["role"] })}
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("staff.organisation")}
            <select
              value={r.organisationCode ?? ""}
              onChange={(e) => update(i, { organisationCode: e.target.value || null })}
            >
              <option value="">{t("staff.noOrganisation")}</option>
              {organisations.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
          >
            {t("remove")}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() =>
          setRows((all) => [
            ...all,
            { email: "", name: "", role: "agent", organisationCode: null, locale: "sr-Latn" },
          ])
        }
      >
        {t("staff.add")}
      </button>
      <button type="submit" className="button primary" disabled={busy}>
        {t("saveStep")}
      </button>
    </form>
  );
}
