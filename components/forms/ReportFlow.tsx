"use client";

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { LineString, Polygon } from "geojson";
import { along, length, pointOnFeature } from "@turf/turf";
import type { CategoryGroupChoice, CategoryChoice } from "@/lib/reports/list-categories";
import type { DuplicateCandidate } from "@/lib/reports/find-duplicate-candidates";
import { PointPicker } from "@/components/map/PointPicker";
import { ShapeDrawer } from "@/components/map/ShapeDrawer";
import { round } from "@/components/map/position";
import { useMapChoice } from "@/components/map/use-map-choice";
import { PlaceSearch } from "./PlaceSearch";
import { NearbyReports } from "./NearbyReports";
import { CategoryPicker } from "./CategoryPicker";
import { ContactFields } from "./ContactFields";
import { ReviewSummary } from "./ReviewSummary";
import { QueuedFilings } from "./QueuedFilings";
import { apiFetch } from "@/lib/client/api-fetch";
import { clearDraft, loadDraft, queueFiling, saveDraft } from "./draft-store";
import { useOfferedGroups, usePlaceLabel } from "./use-place-info";
import { DetailsStep } from "./DetailsStep";
import {
  STEPS,
  draftReducer,
  emptyDraft,
  filingData,
  firstIncompleteBefore,
  stepFromHash,
  type Position,
  type Step,
} from "./report-draft";
import "./report-flow.css";

type Props = {
  municipalityCode: string;
  bbox: [number, number, number, number];
  /** Where the map opens at street zoom when the reader's position is not known. */
  townCentre: Position | null;
  /** Service codes filed most often here, most used first. */
  popular: string[];
  groups: CategoryGroupChoice[];
  maxDescription: number;
};

/**
 * Reporting a problem one screen at a time, map first (FixMyStreet's flow is the bar): the place,
 * then the category with the open reports of that kind nearby to support instead, then details and
 * photos, contact, and a review. The step is the address's hash, so the browser's back and forward
 * buttons move between steps and keep what was entered; focus goes to each step's heading. On a
 * desktop the steps sit beside the map. On a phone the place step starts with the location, the
 * address search and "Choose on the map": the map's code is fetched when the map is chosen (the choice
 * is remembered) or once a place is found, to confirm or move the pin.
 */
export function ReportFlow(props: Props) {
  const { groups, maxDescription } = props;
  const t = useTranslations("report");
  const format = useFormatter();
  const router = useRouter();
  const [draft, dispatch] = useReducer(draftReducer, "", emptyDraft);
  const [step, setStep] = useState<Step>("place");
  const [centre, setCentre] = useState<Position | undefined>(props.townCentre ?? undefined);
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState(false);
  const [nearby, setNearby] = useState<{ key: string; candidates: DuplicateCandidate[] } | null>(null);
  const [supported, setSupported] = useState<{ code: string; supporters: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [restored, setRestored] = useState(false);
  const [queued, setQueued] = useState(false);
  const mapChoice = useMapChoice("civic.reportMap");
  const flowMapRef = useRef<HTMLDivElement>(null);
  const loaded = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const draftRef = useRef(draft);
  useEffect(() => {
    draftRef.current = draft;
  });

  useEffect(() => {
    if (!draft.submissionKey) dispatch({ type: "reset", submissionKey: crypto.randomUUID() });
  }, [draft.submissionKey]);

  // The step follows the address; a step whose earlier steps are not done yet (a reload, a link)
  // falls back to the first one missing. A draft kept on this device comes back first.
  useEffect(() => {
    let cancelled = false;
    const read = () => {
      const wanted = stepFromHash(window.location.hash);
      const missing = firstIncompleteBefore(draftRef.current, wanted);
      if (missing) window.history.replaceState(window.history.state, "", `#${missing}`);
      moved.current = true;
      setStep(missing ?? wanted);
      setError(null);
    };
    loadDraft()
      .catch(() => null)
      .then((found) => {
        if (cancelled) return;
        if (found) {
          draftRef.current = found.draft;
          dispatch({ type: "restore", draft: found.draft });
          setRestored(true);
        }
        loaded.current = true;
        read();
        moved.current = false;
      });
    window.addEventListener("popstate", read);
    return () => {
      cancelled = true;
      window.removeEventListener("popstate", read);
    };
  }, []);

  // Everything entered is kept on this device as it is typed (IndexedDB), photos included. The
  // flow's data-draft says whether the latest entry is kept yet ("saving", then "saved").
  const flowRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!loaded.current || !draft.submissionKey) return;
    if (!draft.position && !draft.serviceCode && !draft.description && draft.photos.length === 0) return;
    const flow = flowRef.current;
    flow?.setAttribute("data-draft", "saving");
    let current = true;
    const timer = setTimeout(
      () =>
        void saveDraft(draft, step)
          .then(() => {
            if (current) flow?.setAttribute("data-draft", "saved");
          })
          .catch(() => undefined),
      300,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [draft, step]);

  // The form empties once the kept copy is gone, so a reload right after never brings it back.
  const startAgain = async () => {
    await clearDraft(draft.submissionKey).catch(() => undefined);
    setRestored(false);
    dispatch({ type: "reset", submissionKey: crypto.randomUUID() });
    setNearby(null);
    go("place");
  };

  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [step, supported, queued]);

  // The offer of reports nearby takes the focus once it is on screen.
  const focusNearby = useRef(false);
  useEffect(() => {
    if (!focusNearby.current || !nearby?.candidates.length) return;
    focusNearby.current = false;
    document.getElementById("nearby-title")?.focus();
  }, [nearby]);

  const go = useCallback((next: Step) => {
    window.history.pushState({ reportStep: next }, "", `#${next}`);
    moved.current = true;
    setError(null);
    setStep(next);
  }, []);

  const back = () => {
    const previous = STEPS[STEPS.indexOf(step) - 1];
    if (!previous) return;
    // Our own pushes go back through history, so the browser's Forward returns here.
    if (window.history.state?.reportStep) window.history.back();
    else go(previous);
  };

  // The reader's position when they have already allowed it; otherwise the town centre.
  useEffect(() => {
    navigator.permissions
      ?.query({ name: "geolocation" })
      .then((status) => {
        if (status.state !== "granted") return;
        navigator.geolocation.getCurrentPosition(
          (pos) => setCentre([round(pos.coords.longitude), round(pos.coords.latitude)]),
          () => undefined,
          { timeout: 10_000 },
        );
      })
      .catch(() => undefined);
  }, []);

  const locateMe = () => {
    if (!navigator.geolocation) return setLocationError(true);
    setLocating(true);
    setLocationError(false);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        dispatch({ type: "place", position: [round(pos.coords.longitude), round(pos.coords.latitude)] });
      },
      () => {
        setLocating(false);
        setLocationError(true);
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const position = draft.position;
  // A phone draws the map once it is asked for, a place is set (to confirm it), or a shape is drawn.
  const mapShown = mapChoice.mapWanted || position !== null || draft.shapeMode !== "point";
  const chooseMap = () => {
    mapChoice.choose("map");
    // The button goes; the map takes the focus, so the keyboard carries on from it.
    requestAnimationFrame(() => flowMapRef.current?.focus());
  };
  const placeLabel = usePlaceLabel(position);
  const offered = useOfferedGroups(groups, position);

  const category: CategoryChoice | undefined = useMemo(
    () => offered.flatMap((g) => g.categories).find((c) => c.serviceCode === draft.serviceCode),
    [offered, draft.serviceCode],
  );
  const stopNotice = category?.questions
    .flatMap((q) =>
      (q.options ?? []).filter((o) => o.stop && [draft.answers[q.code]].flat().includes(o.value)),
    )
    .map((o) => o.stop)[0];
  const nearbyKey = draft.serviceCode && position ? `${draft.serviceCode}@${position.join(",")}` : null;
  const candidates = nearby && nearby.key === nearbyKey ? nearby.candidates : [];

  // A category tapped: with no open report of its kind nearby the flow moves straight on; with
  // some, they are offered on the same screen to support instead.
  const chooseCategory = async (serviceCode: string) => {
    dispatch({ type: "category", serviceCode });
    if (!position) return;
    const key = `${serviceCode}@${position.join(",")}`;
    let found: DuplicateCandidate[] = [];
    try {
      const res = await fetch(
        `/api/reports/nearby?service=${serviceCode}&lng=${position[0]}&lat=${position[1]}`,
      );
      if (res.ok) found = (await res.json()).candidates;
    } catch {
      // Offline or slow: filing goes on; the staff merge duplicates.
    }
    setNearby({ key, candidates: found });
    if (found.length === 0) go("details");
    else focusNearby.current = true;
  };

  const next = () => {
    setError(null);
    if (step === "place") {
      if (!position) return setError(t("missingLocation"));
      if (draft.shapeMode !== "point" && !draft.shape) return setError(t("missingShape"));
      return go("category");
    }
    if (step === "category") {
      if (!draft.serviceCode) return setError(t("missingCategory"));
      return go("details");
    }
    if (step === "details") {
      if (stopNotice) return setError(stopNotice);
      if (!draft.description.trim() && draft.photos.length === 0) return setError(t("missingDescription"));
      const unanswered = category?.questions.find(
        (q) => q.required && [draft.answers[q.code] ?? ""].flat().join("") === "",
      );
      if (unanswered) return setError(t("missingAnswer", { question: unanswered.label }));
      return go("contact");
    }
    if (step === "contact") return go("review");
  };

  const submit = async () => {
    setError(null);
    const missing = firstIncompleteBefore(draft, "review");
    if (missing) return go(missing);
    setSubmitting(true);
    const data = JSON.stringify(filingData(draft, placeLabel));
    const form = new FormData();
    form.set("data", data);
    draft.photos.forEach((p, i) => form.append("photos", p.blob, `photo-${i + 1}.jpg`));
    // No connection: the filing waits on this device and goes, once, when the connection returns.
    const keep = async () => {
      try {
        await queueFiling({
          submissionKey: draft.submissionKey,
          data,
          photos: draft.photos.map((p) => p.blob),
        });
        await clearDraft(draft.submissionKey);
        moved.current = true;
        setQueued(true);
      } catch {
        setError(t("networkError"));
      }
      setSubmitting(false);
    };
    if (!navigator.onLine) return keep();
    try {
      const res = await apiFetch<{ trackingCode: string }>("/api/reports", { method: "POST", body: form });
      // The connection dropped on the way: the filing waits on this device like any other.
      if (res.status === null) return await keep();
      if (!res.ok) {
        setError(res.message ?? t("networkError"));
        setSubmitting(false);
        return;
      }
      await clearDraft(draft.submissionKey).catch(() => undefined);
      router.push(`/reports/${res.data.trackingCode}?filed=1`);
    } catch {
      await keep();
    }
  };

  if (queued) {
    return (
      <section className="report-flow-done" aria-labelledby="flow-heading">
        <h2 id="flow-heading" ref={headingRef} tabIndex={-1}>
          {t("queuedTitle")}
        </h2>
        <p>{t("queuedBody")}</p>
        <QueuedFilings />
      </section>
    );
  }

  if (supported) {
    return (
      <section className="report-flow-done" aria-labelledby="flow-heading">
        <h2 id="flow-heading" ref={headingRef} tabIndex={-1}>
          {t("supportedTitle")}
        </h2>
        <p role="status">{t("supportedBody", { code: supported.code, count: supported.supporters })}</p>
        <p className="row">
          <Link className="button primary" href={`/reports/${supported.code}`}>
            {t("viewReport")}
          </Link>
        </p>
      </section>
    );
  }

  const index = STEPS.indexOf(step);
  const titles: Record<Step, string> = {
    place: t("stepPlace"),
    category: t("stepCategory"),
    details: t("stepDetails"),
    contact: t("stepContact"),
    review: t("stepReview"),
  };

  return (
    <div
      ref={flowRef}
      className="report-flow"
      data-step={step}
      data-screen={mapChoice.wide === null ? undefined : mapChoice.wide ? "wide" : "phone"}
    >
      <div className="flow-panel">
        <p className="flow-progress" aria-hidden="true">
          {STEPS.map((s, i) => (
            <span key={s} className={i <= index ? "done" : undefined} />
          ))}
        </p>
        <QueuedFilings />
        {restored ? (
          <p className="banner info flow-restored" role="status">
            {t("draftRestored")}{" "}
            <button type="button" className="link" onClick={() => void startAgain()}>
              {t("startAgain")}
            </button>
          </p>
        ) : null}
        <h2 id="flow-heading" ref={headingRef} tabIndex={-1} data-testid="flow-heading">
          <span className="flow-count">{t("stepOf", { n: index + 1, total: STEPS.length })}</span>{" "}
          {titles[step]}
        </h2>

        {step === "place" ? (
          <div className="flow-body">
            <PlaceSearch onPick={(p) => dispatch({ type: "place", position: p })} />
            <div className="row flow-tools">
              <button type="button" className="secondary" onClick={locateMe} disabled={locating}>
                {locating ? t("locating") : t("useMyLocation")}
              </button>
              {!mapShown ? (
                <button type="button" className="secondary choose-on-map" onClick={chooseMap}>
                  {t("chooseOnMap")}
                </button>
              ) : null}
            </div>
            <fieldset className="shape-mode">
              <legend className="sr-only">{t("shapeMode")}</legend>
              {(["point", "line", "area"] as const).map((m) => (
                <label key={m} className="choice">
                  <input
                    type="radio"
                    name="shapeMode"
                    value={m}
                    checked={draft.shapeMode === m}
                    onChange={() => dispatch({ type: "shapeMode", mode: m })}
                  />
                  <span>{t(m === "point" ? "modePoint" : m === "line" ? "modeLine" : "modeArea")}</span>
                </label>
              ))}
            </fieldset>
            {locationError ? <p className="hint warning">{t("locationDenied")}</p> : null}
          </div>
        ) : null}

        {step === "category" ? (
          <div className="flow-body">
            {candidates.length > 0 ? (
              <NearbyReports
                candidates={candidates}
                describe={(c) =>
                  t("nearbyItem", {
                    category: c.categoryName,
                    distance: c.distanceMetres,
                    // An explicit "now": without it next-intl logs ENVIRONMENT_FALLBACK in the browser.
                    age: format.relativeTime(new Date(c.createdAt), new Date()),
                  })
                }
                onSupported={(code, supporters) => {
                  moved.current = true;
                  setSupported({ code, supporters });
                }}
              />
            ) : null}
            <CategoryPicker
              groups={offered}
              popular={props.popular}
              chosen={draft.serviceCode}
              onChoose={(code) => void chooseCategory(code)}
            />
          </div>
        ) : null}

        {step === "details" ? (
          <DetailsStep
            draft={draft}
            dispatch={dispatch}
            category={category}
            stopNotice={stopNotice}
            placeLabel={placeLabel}
            maxDescription={maxDescription}
          />
        ) : null}

        {step === "contact" ? (
          <div className="flow-body">
            <ContactFields
              contact={draft.contact}
              onChange={(contact) => dispatch({ type: "contact", contact })}
            />
          </div>
        ) : null}

        {step === "review" ? (
          <div className="flow-body">
            <ReviewSummary
              draft={draft}
              placeLabel={placeLabel}
              category={category}
              onChange={(s) => go(s)}
            />
          </div>
        ) : null}

        <p
          className="pin-status"
          aria-live="polite"
          data-testid="pin-status"
          data-position={position?.join(",") ?? ""}
          hidden={step !== "place"}
        >
          {position ? (placeLabel ? t("pinAt", { place: placeLabel }) : t("pinAtUnknown")) : t("noPin")}
          {draft.shapeMode !== "point" && draft.shape ? ` ${t("shapeDrawn")}` : null}
        </p>

        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="flow-actions">
          {index > 0 ? (
            <button type="button" className="secondary" onClick={back}>
              {t("back")}
            </button>
          ) : null}
          {step === "review" ? (
            <button type="button" className="primary" onClick={submit} disabled={submitting}>
              {submitting ? t("submitting") : t("submit")}
            </button>
          ) : step === "category" && candidates.length > 0 ? (
            <button type="button" className="primary" onClick={next}>
              {t("notListed")}
            </button>
          ) : step === "category" && !draft.serviceCode ? null : (
            <button type="button" className="primary" onClick={next}>
              {step === "contact" && !draft.contact.email && !draft.contact.phone && !draft.contact.name
                ? t("skipContact")
                : t("next")}
            </button>
          )}
        </div>
      </div>

      <div className="flow-map" ref={flowMapRef} tabIndex={-1} data-map={mapShown ? "shown" : "not-loaded"}>
        {mapShown ? (
          <PointPicker
            municipalityCode={props.municipalityCode}
            bbox={props.bbox}
            center={centre}
            position={position}
            onChange={(p) => dispatch({ type: "place", position: p })}
            nearby={candidates.map((n) => ({ code: n.code, position: n.position as Position }))}
            label={t(
              draft.shapeMode === "line"
                ? "mapLabelLine"
                : draft.shapeMode === "area"
                  ? "mapLabelArea"
                  : "mapLabel",
            )}
            drawing={
              draft.shapeMode === "point" ? undefined : (
                <ShapeDrawer
                  mode={draft.shapeMode === "line" ? "line" : "area"}
                  onShape={(drawn) =>
                    // The report's point is the middle of what was drawn.
                    dispatch({
                      type: "shape",
                      shape: drawn,
                      position: drawn ? middleOf(drawn) : undefined,
                    })
                  }
                />
              )
            }
          />
        ) : (
          <p className="hint map-on-demand">{t("mapOnDemand")}</p>
        )}
      </div>
    </div>
  );
}

function middleOf(shape: LineString | Polygon): Position {
  const point =
    shape.type === "LineString"
      ? along(shape, length({ type: "Feature", properties: {}, geometry: shape }) / 2).geometry.coordinates
      : pointOnFeature(shape).geometry.coordinates;
  return [round(point[0]!), round(point[1]!)];
}
