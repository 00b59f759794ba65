import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { getStorage, type Storage } from "../storage/storage";
import type { ProcessedPhoto } from "./photos";

export type StoredPhotoRow = {
  storageKey: string;
  contentType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  sha256: string;
};

export type StoredPhotos = {
  /** Rows for `attachments`, to insert inside the caller's transaction. */
  insert: (
    tx: Database,
    input: {
      reportId: number;
      municipalityId: number;
      eventId?: number | null;
      commentId?: number | null;
      isPublic: boolean;
    },
  ) => Promise<void>;
  /** The same rows as values, for a statement that writes the report and its photos at once. */
  rows: () => StoredPhotoRow[];
  /** Removes the files again: the transaction that would have referenced them did not commit. */
  remove: () => Promise<void>;
};

/**
 * Puts processed photos into storage before the database transaction (files cannot be part of
 * it); the caller inserts the rows in its transaction and calls `remove` if that fails, so nothing
 * acknowledged is lost and nothing unacknowledged is kept.
 */
export async function storePhotos(input: {
  photos: ProcessedPhoto[];
  storage?: Storage;
  now: Date;
}): Promise<StoredPhotos> {
  const storage = input.storage ?? getStorage();
  const month = input.now.toISOString().slice(0, 7).replace("-", "/");
  const stored = input.photos.map((photo) => ({ ...photo, key: `reports/${month}/${randomUUID()}.jpg` }));
  const remove = async () => {
    await Promise.all(stored.map((p) => storage.delete(p.key).catch(() => undefined)));
  };
  try {
    for (const photo of stored) await storage.put(photo.key, photo.data, photo.contentType);
  } catch (err) {
    await remove();
    throw err;
  }
  const rows = (): StoredPhotoRow[] =>
    stored.map((p) => ({
      storageKey: p.key,
      contentType: p.contentType,
      byteSize: p.data.byteLength,
      width: p.width,
      height: p.height,
      sha256: p.sha256,
    }));
  return {
    remove,
    rows,
    insert: async (tx, row) => {
      if (stored.length === 0) return;
      await tx.insert(t.attachments).values(
        stored.map((p) => ({
          reportId: row.reportId,
          municipalityId: row.municipalityId,
          eventId: row.eventId ?? null,
          commentId: row.commentId ?? null,
          storageKey: p.key,
          contentType: p.contentType,
          byteSize: p.data.byteLength,
          width: p.width,
          height: p.height,
          sha256: p.sha256,
          isPublic: row.isPublic,
        })),
      );
    },
  };
}
