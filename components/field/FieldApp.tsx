"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { FieldBundle } from "@/lib/reports/get-field-bundle";
import { FieldMap } from "./FieldMap";
import { useMapChoice } from "@/components/map/use-map-choice";
import { FieldFilingForm } from "./FieldFilingForm";
import { FieldReportView } from "./FieldReportView";
import { listQueue, loadBundle, putEntry, removeEntry, saveBundle, type QueueEntry } from "./offline-store";
import { flushQueue, localReport, rebaseActions, sendEntry } from "./sync-queue";

type Connection = "online" | "offline";
const RETRY_MS = 20_000;

/**
 * The crew's phone app (/staff/field): their reports nearest first on a list and a map, each report
 * with its trail and the steps they may take, and a form for problems found on the spot. Everything
 * it shows is kept on the phone, so it keeps working without a connection; changes made then wait in
 * a queue and go out, once each, when the connection returns. Phones work the list; the map's code
 * is fetched when the crew asks for the map (remembered on the phone).
 */
export function FieldApp(props: { municipalityCode: string; bbox: [number, number, number, number] }) {
  const t = useTranslations();
  const format = useFormatter();
  const [bundle, setBundle] = useState<FieldBundle | null>(null);
  const [fromPhone, setFromPhone] = useState(false);
  const [queue, setQueue] = useState<QueueEntry[]>([]);
  const [connection, setConnection] = useState<Connection>("online");
  const [position, setPosition] = useState<[number, number] | null>(null);
  const [locating, setLocating] = useState<"idle" | "locating" | "none">("idle");
  const [selected, setSelected] = useState<number | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const syncRef = useRef<Promise<void> | null>(null);
  const positionRef = useRef<[number, number] | null>(null);
  const templatesRef = useRef<string[]>([]);
  const mapChoice = useMapChoice("civic.fieldMap");

  const readQueue = useCallback(async () => setQueue(await listQueue()), []);

  /** A fresh bundle from the server, kept on the phone; the stored one when there is no connection. */
  const refresh = useCallback(async () => {
    const at = positionRef.current;
    const query = at ? `?lng=${at[0]}&lat=${at[1]}` : "";
    try {
      const res = await fetch(`/api/staff/field/bundle${query}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const fresh = (await res.json()) as FieldBundle;
      await saveBundle(fresh);
      setBundle(fresh);
      setFromPhone(false);
      keepForOffline(fresh, templatesRef.current);
    } catch {
      const stored = await loadBundle();
      if (stored) {
        setBundle(stored);
        setFromPhone(true);
      } else
        setBundle(
          (b) =>
            b ?? { savedAt: new Date().toISOString(), items: [], reports: {}, categories: [], tiles: [] },
        );
    }
  }, []);

  /** Sends the waiting changes, one run at a time; then reloads what the server now has. */
  const sync = useCallback(async () => {
    if (syncRef.current) return syncRef.current;
    const run = (async () => {
      const entries = await listQueue();
      if (entries.every((e) => e.state === "conflict" || e.state === "rejected") || !navigator.onLine) return;
      setSyncing(true);
      const filed: string[] = [];
      const result = await flushQueue({
        entries,
        send: (entry) => sendEntry(entry),
        onSent: async (entry, outcome) => {
          await removeEntry(entry.key);
          if (outcome.kind === "sent" && outcome.trackingCode) filed.push(outcome.trackingCode);
          await readQueue();
        },
        onHeld: async (entry) => {
          await putEntry(entry);
          await readQueue();
        },
      });
      setSyncing(false);
      // Replaces "…will be sent when the connection returns": the crew sees that it went out.
      if (result.sent > 0)
        setNotice(
          [t("field.sent", { count: result.sent }), ...filed.map((code) => t("field.filed", { code }))].join(
            " ",
          ),
        );
      if (result.stopped === "signin") setNotice(t("field.signInAgain"));
      if (result.sent > 0) await refresh();
    })();
    syncRef.current = run;
    try {
      await run;
    } finally {
      syncRef.current = null;
    }
  }, [readQueue, refresh, t]);

  const locate = useCallback(() => {
    if (!navigator.geolocation) {
      setLocating("none");
      return;
    }
    setLocating("locating");
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const here: [number, number] = [p.coords.longitude, p.coords.latitude];
        positionRef.current = here;
        setPosition(here);
        setLocating("idle");
        void refresh();
      },
      () => setLocating("none"),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  }, [refresh]);

  // Start: the stored copy at once, then the server's, the service worker.
  useEffect(() => {
    let stop = false;
    (async () => {
      const stored = await loadBundle().catch(() => undefined);
      if (stored && !stop) {
        setBundle(stored);
        setFromPhone(true);
      }
      await readQueue();
      setConnection(navigator.onLine ? "online" : "offline");
      await refresh();
      void sync();
    })();
    registerWorker();
    // The position is asked for when the crew chooses "Nearest first" (or files from the spot), not here.
    return () => {
      stop = true;
    };
  }, [readQueue, refresh, sync]);

  // The connection comes and goes: show it, and send what waits as soon as it is back.
  useEffect(() => {
    const online = () => {
      setConnection("online");
      void sync();
    };
    const offline = () => setConnection("offline");
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    const retry = setInterval(() => {
      if (navigator.onLine) void sync();
    }, RETRY_MS);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      clearInterval(retry);
    };
  }, [sync]);

  const enqueue = useCallback(
    async (entry: QueueEntry) => {
      await putEntry(entry);
      await readQueue();
      setNotice(navigator.onLine ? null : t("field.keptOffline"));
      void sync();
    },
    [readQueue, sync, t],
  );

  const resolveConflict = useCallback(
    async (reportId: number, choice: "resend" | "discard") => {
      const entries = await listQueue();
      const held = entries.filter((e) => e.kind === "action" && e.reportId === reportId);
      if (choice === "discard") for (const e of held) await removeEntry(e.key);
      else {
        const current = held.flatMap((e) => (e.kind === "action" && e.current ? [e.current] : []))[0];
        if (!current) return;
        for (const e of rebaseActions(entries, reportId, current.version)) await putEntry(e);
      }
      await readQueue();
      await refresh();
      void sync();
    },
    [readQueue, refresh, sync],
  );

  const items = bundle?.items ?? [];
  const reports = bundle?.reports ?? {};
  const waiting = queue.filter((e) => e.state === "pending" || e.state === "signin");
  const held = queue.filter((e) => e.state === "conflict" || e.state === "rejected");
  const open = selected !== null && reports[selected] ? localReport(reports[selected]!, queue) : null;
  const statusOf = (id: number) =>
    reports[id] ? localReport(reports[id]!, queue).status : items.find((i) => i.id === id)?.status;

  return (
    <div
      className="field"
      data-testid="field-app"
      data-connection={connection}
      data-waiting={waiting.length}
      data-syncing={syncing}
    >
      <div
        className={`banner ${connection === "offline" ? "warning" : "info"}`}
        role="status"
        aria-live="polite"
        data-testid="field-connection"
      >
        {connection === "offline" ? t("field.offline") : syncing ? t("field.sending") : t("field.online")}
        {fromPhone && bundle
          ? ` ${t("field.savedAt", { time: format.dateTime(new Date(bundle.savedAt), "shortWithTime") })}`
          : ""}
        {waiting.length > 0 ? ` ${t("field.waiting", { count: waiting.length })}` : ""}
      </div>
      {notice ? (
        <p className="hint" role="status" data-testid="field-notice">
          {notice}
        </p>
      ) : null}

      {held.length > 0 ? (
        <section className="field-held" aria-labelledby="field-held-title" data-testid="field-held">
          <h2 id="field-held-title">{t("field.heldTitle")}</h2>
          <ul>
            {[...new Set(held.map((e) => (e.kind === "action" ? `a${e.reportId}` : e.key)))].map((group) => {
              const entries = held.filter((e) => (e.kind === "action" ? `a${e.reportId}` : e.key) === group);
              const first = entries[0]!;
              if (first.kind === "file") {
                return (
                  <li key={group}>
                    <p>
                      {t("field.filingRefused", {
                        category: first.categoryName,
                        reason: first.message ?? "",
                      })}
                    </p>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void removeEntry(first.key).then(readQueue)}
                    >
                      {t("field.discard")}
                    </button>
                  </li>
                );
              }
              const conflict = entries.find((e) => e.kind === "action" && e.state === "conflict");
              return (
                <li key={group} data-code={first.reportCode}>
                  {conflict && conflict.kind === "action" && conflict.current ? (
                    <p>
                      {t("field.conflict", {
                        code: first.reportCode,
                        status: t(`status.${conflict.current.status}` as never),
                        count: queue.filter((e) => e.kind === "action" && e.reportId === first.reportId)
                          .length,
                      })}
                    </p>
                  ) : (
                    <p>{t("field.refused", { code: first.reportCode, reason: first.message ?? "" })}</p>
                  )}
                  <div className="row">
                    {conflict ? (
                      <button type="button" onClick={() => void resolveConflict(first.reportId, "resend")}>
                        {t("field.resend")}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void resolveConflict(first.reportId, "discard")}
                    >
                      {t("field.discardChanges")}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {open ? (
        <FieldReportView
          report={open}
          onBack={() => setSelected(null)}
          onQueue={enqueue}
          held={held.some((e) => e.kind === "action" && e.reportId === open.id)}
        />
      ) : (
        <>
          <div className="row">
            <button
              type="button"
              onClick={locate}
              disabled={locating === "locating"}
              aria-pressed={position !== null}
            >
              {locating === "locating" ? t("field.locating") : t("field.nearestFirst")}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void refresh()}
              disabled={connection === "offline"}
            >
              {t("field.refresh")}
            </button>
          </div>
          {locating === "none" ? (
            <p className="hint" role="status">
              {t("field.noLocation")}
            </p>
          ) : position === null && locating === "idle" ? (
            <p className="hint">{t("field.byDueDate")}</p>
          ) : null}
          {mapChoice.wide === false && mapChoice.choice !== null ? (
            <button
              type="button"
              className="secondary field-map-toggle"
              aria-expanded={mapChoice.choice === "map"}
              onClick={() => mapChoice.choose(mapChoice.choice === "map" ? "list" : "map")}
            >
              {t(mapChoice.choice === "map" ? "field.hideMap" : "field.showMap")}
            </button>
          ) : null}
          {mapChoice.mapWanted ? (
            <div hidden={mapChoice.choice !== "map"}>
              <FieldMap
                {...props}
                items={items.map((i) => ({
                  id: i.id,
                  code: i.code,
                  position: i.position,
                  status: statusOf(i.id) ?? i.status,
                }))}
                position={position}
                onOpen={setSelected}
                onTileTemplates={(templates) => {
                  templatesRef.current = templates;
                  if (bundle && !fromPhone) keepForOffline(bundle, templates);
                }}
              />
            </div>
          ) : null}
          <details className="field-new">
            <summary>{t("field.newHere")}</summary>
            <FieldFilingForm
              position={position}
              categories={bundle?.categories ?? []}
              onQueue={enqueue}
              onLocate={locate}
            />
          </details>
          {bundle && items.length === 0 ? <p>{t("field.empty")}</p> : null}
          <ol className="field-list" data-testid="field-list">
            {items.map((item) => {
              const status = statusOf(item.id) ?? item.status;
              const pending = queue.filter((e) => e.kind === "action" && e.reportId === item.id).length;
              return (
                <li key={item.id} data-code={item.code} data-status={status}>
                  <strong>{item.category}</strong> · {t(`status.${status}` as never)}
                  {pending > 0 ? (
                    <span className="waiting-badge"> {t("field.pendingBadge", { count: pending })}</span>
                  ) : null}
                  <span className="hint">
                    {" "}
                    {[
                      item.address,
                      item.distanceMetres !== null
                        ? t("field.distance", { metres: item.distanceMetres })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                    {item.dueAt ? ` · ${format.dateTime(new Date(item.dueAt), "short")}` : ""}
                  </span>
                  <div className="row">
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setSelected(item.id)}
                      aria-label={t("field.openReport", { code: item.code })}
                    >
                      {t("field.open")}
                    </button>
                    <a href={`geo:${item.position[1]},${item.position[0]}`}>{t("field.navigate")}</a>
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}

/** The service worker keeps the app and its map on the phone (browsers without one just need a connection). */
function registerWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker
    .register("/field-sw.js", { scope: "/staff/field" })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      // What this page loaded before the worker took over: its scripts and styles.
      const loaded = performance
        .getEntriesByType("resource")
        .map((e) => e.name)
        .filter(
          (u) =>
            u.startsWith(`${location.origin}/_next/static/`) || u.startsWith(`${location.origin}/vendor/`),
        );
      registration.active?.postMessage({ type: "keep", urls: loaded });
      registration.active?.postMessage({ type: "keepPage", lang: document.documentElement.lang });
    })
    .catch(() => undefined);
}

/**
 * Asks the service worker to fetch the map's tiles around the crew's reports while there is a
 * connection: the basemap's and the reports layer's (`templates`, from the map's sources).
 */
function keepForOffline(bundle: FieldBundle, templates: string[]): void {
  if (!("serviceWorker" in navigator) || templates.length === 0) return;
  void navigator.serviceWorker.ready.then((registration) => {
    const urls = bundle.tiles.flatMap((tile) =>
      templates.map((tpl) =>
        tpl.replace("{z}", String(tile.z)).replace("{x}", String(tile.x)).replace("{y}", String(tile.y)),
      ),
    );
    registration.active?.postMessage({ type: "keep", urls });
  });
}
