"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { CategoryGroupChoice, CategoryChoice } from "@/lib/reports/list-categories";
import type { DuplicateCandidate } from "@/lib/reports/find-duplicate-candidates";
import { foldForSearch } from "@/lib/i18n/transliterate";
import { LocationPicker, type Position } from "@/components/map/LocationPicker";
import type { LineString, Polygon } from "geojson";
import { along, length, pointOnFeature } from "@turf/turf";
import { PlaceSearch } from "./PlaceSearch";
import { PhotoInput, type PreparedPhoto } from "./PhotoInput";
import { QuestionFields, type AnswerValue } from "./QuestionFields";
import { NearbyReports } from "./NearbyReports";
import { pointQuery, useFetched } from "./use-fetched";

type Props = {
  municipalityCode: string;
  bbox: [number, number, number, number];
  styleUrl: string;
  styleTimeoutMs: number;
  groups: CategoryGroupChoice[];
  maxDescription: number;
};

/**
 * The citizen's report form, one page, phone first: where (map, search, location, keyboard pin or
 * words), what (category and its questions, with reports already filed nearby), details and
 * photos, optional contact. A retry after a network error reuses the same submission key.
 */
export function ReportForm({
  municipalityCode,
  bbox,
  styleUrl,
  styleTimeoutMs,
  groups,
  maxDescription,
}: Props) {
  const t = useTranslations("report");
  const format = useFormatter();
  const router = useRouter();
  const [position, setPosition] = useState<Position | null>(null);
  const [shapeMode, setShapeMode] = useState<"point" | "line" | "area">("point");
  const [shape, setShape] = useState<LineString | Polygon | null>(null);
  const [placeLabel, setPlaceLabel] = useState<string | null>(null);
  const [address, setAddress] = useState("");
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState(false);
  const [categoryQuery, setCategoryQuery] = useState("");
  const [serviceCode, setServiceCode] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [description, setDescription] = useState("");
  const [photos, setPhotos] = useState<PreparedPhoto[]>([]);
  const [photoGps, setPhotoGps] = useState<Position | null>(null);
  const [contact, setContact] = useState({ name: "", email: "", phone: "", anonymous: false });
  // Candidates belong to the pin and category they were looked up for.
  // Reports of the same kind already filed near the pin.
  const query = pointQuery(serviceCode, position);
  const nearby =
    useFetched<{ candidates: DuplicateCandidate[] }>(query && `/api/reports/nearby?${query}`)?.candidates ??
    [];
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submissionKey = useRef<string>("");
  useEffect(() => {
    submissionKey.current = crypto.randomUUID();
  }, []);

  // Several municipalities may share the site: the categories offered are those of the one under the pin.
  const [offered, setOffered] = useState(groups);
  useEffect(() => {
    if (!position) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/categories?lng=${position[0]}&lat=${position[1]}`, {
          signal: controller.signal,
        });
        if (res.ok) setOffered((await res.json()).groups);
      } catch {
        // Keep the categories shown; filing checks the category against the point anyway.
      }
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [position]);

  const categories = useMemo(() => offered.flatMap((g) => g.categories), [offered]);
  const category: CategoryChoice | undefined = categories.find((c) => c.serviceCode === serviceCode);
  const stopNotice = category?.questions
    .flatMap((q) => (q.options ?? []).filter((o) => o.stop && [answers[q.code]].flat().includes(o.value)))
    .map((o) => o.stop)[0];

  // The address under the pin, announced to screen readers.
  useEffect(() => {
    if (!position) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/places/reverse?lng=${position[0]}&lat=${position[1]}`, {
          signal: controller.signal,
        });
        if (res.ok) setPlaceLabel((await res.json()).label ?? null);
      } catch {
        // Leave the previous label; the pin is still placed.
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [position]);

  const useMyLocation = () => {
    if (!navigator.geolocation) {
      setLocationError(true);
      return;
    }
    setLocating(true);
    setLocationError(false);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setPosition([round(pos.coords.longitude), round(pos.coords.latitude)]);
      },
      () => {
        setLocating(false);
        setLocationError(true);
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const filteredGroups = useMemo(() => {
    const q = foldForSearch(categoryQuery.trim());
    if (!q) return offered;
    return offered
      .map((g) => ({
        ...g,
        categories: g.categories.filter((c) =>
          foldForSearch(`${c.name} ${c.description} ${g.name}`).includes(q),
        ),
      }))
      .filter((g) => g.categories.length > 0);
  }, [offered, categoryQuery]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!position) return setError(t("missingLocation"));
    if (!serviceCode) return setError(t("missingCategory"));
    if (!description.trim()) return setError(t("missingDescription"));
    if (stopNotice) return setError(stopNotice);
    setSubmitting(true);
    const data = {
      serviceCode,
      position,
      description,
      address: address.trim() || placeLabel || undefined,
      shape: shapeMode === "point" ? undefined : (shape ?? undefined),
      answers: Object.fromEntries(
        Object.entries(answers).filter(([, v]) => v !== "" && !(Array.isArray(v) && v.length === 0)),
      ),
      contact:
        contact.name || contact.email || contact.phone
          ? {
              name: contact.name || undefined,
              email: contact.email || undefined,
              phone: contact.phone || undefined,
              anonymous: contact.anonymous,
            }
          : undefined,
      submissionKey: submissionKey.current,
    };
    const form = new FormData();
    form.set("data", JSON.stringify(data));
    photos.forEach((p, i) => form.append("photos", p.blob, `photo-${i + 1}.jpg`));
    try {
      const res = await fetch("/api/reports", { method: "POST", body: form });
      const body = await res.json().catch(() => null);
      if (!res.ok) {
        setError(body?.error?.message ?? t("networkError"));
        setSubmitting(false);
        return;
      }
      router.push(`/reports/${body.trackingCode}?filed=1`);
    } catch {
      setError(t("networkError"));
      setSubmitting(false);
    }
  };

  return (
    <form className="report-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t("where")}</legend>
        <div className="row">
          <button type="button" onClick={useMyLocation} disabled={locating}>
            {locating ? t("locating") : t("useMyLocation")}
          </button>
        </div>
        {locationError ? <p className="hint warning">{t("locationDenied")}</p> : null}
        <PlaceSearch onPick={(p) => setPosition(p)} />
        <fieldset className="inline-choices shape-mode">
          <legend>{t("shapeMode")}</legend>
          {(["point", "line", "area"] as const).map((m) => (
            <label key={m} className="choice">
              <input
                type="radio"
                name="shapeMode"
                value={m}
                checked={shapeMode === m}
                onChange={() => setShapeMode(m)}
              />
              <span>{t(m === "point" ? "modePoint" : m === "line" ? "modeLine" : "modeArea")}</span>
            </label>
          ))}
        </fieldset>
        <LocationPicker
          municipalityCode={municipalityCode}
          bbox={bbox}
          styleUrl={styleUrl}
          styleTimeoutMs={styleTimeoutMs}
          position={position}
          onChange={setPosition}
          nearby={nearby.map((n) => ({ code: n.code, position: n.position as Position }))}
          mode={shapeMode}
          onShape={(drawn) => {
            setShape(drawn);
            // The report's point is the middle of what was drawn.
            if (drawn) setPosition(middleOf(drawn));
          }}
        />
        {shapeMode !== "point" && shape ? (
          <p className="hint" role="status">
            {t("shapeDrawn")}
          </p>
        ) : null}
        <p
          className="pin-status"
          aria-live="polite"
          data-testid="pin-status"
          data-position={position?.join(",") ?? ""}
        >
          {position ? (placeLabel ? t("pinAt", { place: placeLabel }) : t("pinAtUnknown")) : t("noPin")}
        </p>
        {photoGps && !position ? (
          <p className="hint">
            {t("photoLocation")}{" "}
            <button type="button" className="link" onClick={() => setPosition(photoGps)}>
              {t("usePhotoLocation")}
            </button>
          </p>
        ) : null}
        <label htmlFor="address">{t("describeLocation")}</label>
        <input
          id="address"
          value={address}
          maxLength={200}
          onChange={(e) => setAddress(e.target.value)}
          aria-describedby="address-hint"
        />
        <p id="address-hint" className="hint">
          {t("describeLocationHint")}
        </p>
      </fieldset>

      <fieldset>
        <legend>{t("what")}</legend>
        <label htmlFor="category-search">{t("categorySearch")}</label>
        <input
          id="category-search"
          type="search"
          value={categoryQuery}
          onChange={(e) => setCategoryQuery(e.target.value)}
        />
        {filteredGroups.length === 0 ? <p className="hint">{t("categoryNone")}</p> : null}
        <div className="category-groups">
          {filteredGroups.map((group) => (
            <fieldset key={group.code} className="category-group">
              <legend>{group.name}</legend>
              {group.categories.map((c) => (
                <label key={c.serviceCode} className="choice">
                  <input
                    type="radio"
                    name="serviceCode"
                    value={c.serviceCode}
                    checked={serviceCode === c.serviceCode}
                    onChange={() => {
                      setServiceCode(c.serviceCode);
                      setAnswers({});
                    }}
                  />
                  <span>{c.name}</span>
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        {category ? (
          <div className="category-detail" aria-live="polite">
            <p>{category.description}</p>
            <p className="hint">{t("promise", { days: category.slaWorkingDays })}</p>
          </div>
        ) : null}
        {category && category.questions.length > 0 ? (
          <QuestionFields questions={category.questions} answers={answers} onChange={setAnswers} />
        ) : null}
        {stopNotice ? (
          <div className="stop-notice" role="alert">
            <strong>{t("stopTitle")}</strong>
            <p>{stopNotice}</p>
          </div>
        ) : null}
        {nearby.length > 0 ? (
          <NearbyReports
            candidates={nearby}
            describe={(c) =>
              t("nearbyItem", {
                category: c.categoryName,
                distance: c.distanceMetres,
                // An explicit "now": without it next-intl logs ENVIRONMENT_FALLBACK in the browser.
                age: format.relativeTime(new Date(c.createdAt), new Date()),
              })
            }
          />
        ) : null}
      </fieldset>

      <fieldset>
        <legend>{t("details")}</legend>
        <label htmlFor="description">{t("description")}</label>
        <textarea
          id="description"
          rows={5}
          value={description}
          maxLength={maxDescription}
          required
          aria-describedby="description-hint description-count"
          onChange={(e) => setDescription(e.target.value)}
        />
        <p id="description-hint" className="hint">
          {t("descriptionHint")}
        </p>
        <p id="description-count" className="hint">
          {t("charactersLeft", { count: maxDescription - description.length })}
        </p>
        <PhotoInput
          photos={photos}
          onChange={setPhotos}
          onGps={(gps) => setPhotoGps((prev) => prev ?? gps)}
        />
      </fieldset>

      <fieldset>
        <legend>{t("contact")}</legend>
        <p className="hint">{t("contactHint")}</p>
        <label htmlFor="contact-name">{t("name")}</label>
        <input
          id="contact-name"
          autoComplete="name"
          maxLength={120}
          value={contact.name}
          onChange={(e) => setContact({ ...contact, name: e.target.value })}
        />
        <label htmlFor="contact-email">{t("email")}</label>
        <input
          id="contact-email"
          type="email"
          autoComplete="email"
          maxLength={254}
          value={contact.email}
          onChange={(e) => setContact({ ...contact, email: e.target.value })}
        />
        <label htmlFor="contact-phone">{t("phone")}</label>
        <input
          id="contact-phone"
          type="tel"
          autoComplete="tel"
          maxLength={25}
          value={contact.phone}
          onChange={(e) => setContact({ ...contact, phone: e.target.value })}
        />
        <label className="choice">
          <input
            type="checkbox"
            checked={contact.anonymous}
            onChange={(e) => setContact({ ...contact, anonymous: e.target.checked })}
          />
          <span>{t("anonymous")}</span>
        </label>
      </fieldset>

      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={submitting || Boolean(stopNotice)}>
        {submitting ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}

function middleOf(shape: LineString | Polygon): Position {
  const point =
    shape.type === "LineString"
      ? along(shape, length({ type: "Feature", properties: {}, geometry: shape }) / 2).geometry.coordinates
      : pointOnFeature(shape).geometry.coordinates;
  return [round(point[0]!), round(point[1]!)];
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
