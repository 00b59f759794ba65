"use client";

import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { apiFetch } from "@/lib/client/api-fetch";
import type { ReportDraft, Step } from "./report-draft";

/** A draft as stored: photos as Blobs (IndexedDB keeps them), no object URLs (they die with the page). */
type StoredDraft = Omit<ReportDraft, "photos"> & { photos: Blob[]; step: Step; savedAt: number };

/** A filing waiting for the connection: the multipart body's parts, sent later with the same key. */
export type QueuedFiling = { submissionKey: string; data: string; photos: Blob[]; queuedAt: number };

interface ReportDb extends DBSchema {
  drafts: { key: string; value: StoredDraft };
  outbox: { key: string; value: QueuedFiling };
}

const CURRENT = "current";
/** A draft older than a week is not offered back: the problem has likely moved on. */
const DRAFT_DAYS = 7;

let opening: Promise<IDBPDatabase<ReportDb>> | null = null;

function database(): Promise<IDBPDatabase<ReportDb>> {
  opening ??= openDB<ReportDb>("civic-report", 1, {
    upgrade(db) {
      db.createObjectStore("drafts");
      db.createObjectStore("outbox", { keyPath: "submissionKey" });
    },
  });
  return opening;
}

/**
 * The drafts this page has forgotten (filed, queued or started over). A save still on its way for
 * one of them is dropped, so a draft never comes back after it was cleared.
 */
const forgotten = new Set<string>();
let previous: Promise<unknown> = Promise.resolve();

/** Runs the draft's reads and writes one after another, in the order they were asked for. */
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const next = previous.then(work, work);
  previous = next.catch(() => undefined);
  return next;
}

/** Keeps the report in progress on this device, so a reload or a closed tab does not lose it. */
export function saveDraft(draft: ReportDraft, step: Step): Promise<void> {
  return inTurn(async () => {
    if (forgotten.has(draft.submissionKey)) return;
    const db = await database();
    await db.put(
      "drafts",
      { ...draft, photos: draft.photos.map((p) => p.blob), step, savedAt: Date.now() },
      CURRENT,
    );
  });
}

/** The report in progress on this device, with fresh preview URLs for its photos; null when none. */
export function loadDraft(): Promise<{ draft: ReportDraft; step: Step } | null> {
  return inTurn(async () => {
    const db = await database();
    const stored = await db.get("drafts", CURRENT);
    if (!stored || Date.now() - stored.savedAt > DRAFT_DAYS * 86_400_000) return null;
    const { step, savedAt: _savedAt, photos, ...rest } = stored;
    return {
      draft: { ...rest, photos: photos.map((blob) => ({ blob, url: URL.createObjectURL(blob) })) },
      step,
    };
  });
}

/**
 * Forgets the report in progress (the one with this submission key); resolves once the deletion
 * is committed, not merely requested, so a reload right after cannot bring it back.
 */
export function clearDraft(submissionKey: string): Promise<void> {
  forgotten.add(submissionKey);
  return inTurn(async () => {
    const tx = (await database()).transaction("drafts", "readwrite");
    await Promise.all([tx.store.delete(CURRENT), tx.done]);
  });
}

/** Keeps a filing that could not be sent (no connection) until sendQueued() gets it through. */
export async function queueFiling(filing: Omit<QueuedFiling, "queuedAt">): Promise<void> {
  await (await database()).put("outbox", { ...filing, queuedAt: Date.now() });
}

export async function countQueued(): Promise<number> {
  return (await database()).count("outbox");
}

export type SendResult = { sent: Array<{ trackingCode: string }>; refused: string[] };

/**
 * Sends the queued filings, oldest first, each with its submission key, so a filing the server got
 * before the connection dropped is answered with the same report, never filed twice. A refusal (a
 * 4xx: the place or category no longer valid) is dropped with its message; a network failure
 * leaves the rest queued for the next time the connection returns.
 */
export async function sendQueued(): Promise<SendResult> {
  const db = await database();
  const queued = (await db.getAll("outbox")).sort((a, b) => a.queuedAt - b.queuedAt);
  const result: SendResult = { sent: [], refused: [] };
  for (const filing of queued) {
    const form = new FormData();
    form.set("data", filing.data);
    filing.photos.forEach((blob, i) => form.append("photos", blob, `photo-${i + 1}.jpg`));
    const res = await apiFetch<{ trackingCode: string }>("/api/reports", { method: "POST", body: form });
    if (res.status === null) break;
    if (res.ok) {
      result.sent.push({ trackingCode: res.data.trackingCode });
      await db.delete("outbox", filing.submissionKey);
    } else if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      result.refused.push(res.message ?? String(res.status));
      await db.delete("outbox", filing.submissionKey);
    } else {
      break;
    }
  }
  return result;
}
