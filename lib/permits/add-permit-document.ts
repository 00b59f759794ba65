import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { AppError } from "../errors";
import { getStorage, type Storage } from "../storage/storage";
import { lockPermit } from "./lock-permit";
import { transaction } from "../../db/transaction";

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Document types the office keeps, recognised by their first bytes (never by the name or the browser's word). */
function sniff(data: Buffer): { contentType: string; extension: string } | null {
  if (data.subarray(0, 5).toString("latin1") === "%PDF-")
    return { contentType: "application/pdf", extension: "pdf" };
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff)
    return { contentType: "image/jpeg", extension: "jpg" };
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { contentType: "image/png", extension: "png" };
  return null;
}

/**
 * Attaches a document (PDF, JPEG or PNG up to 10 MB) to a permit: stored first through lib/storage,
 * then recorded with a `document_added` history entry; the file is removed if the record fails.
 */
export async function addPermitDocument(input: {
  db: Database;
  permitId: number;
  expectedVersion: number;
  fileName: string;
  data: Buffer;
  actorUserId: number;
  municipalityIds: readonly number[];
  storage?: Storage;
  now?: Date;
}): Promise<{ id: number; version: number }> {
  if (input.data.length === 0 || input.data.length > MAX_DOCUMENT_BYTES) {
    throw new AppError({
      code: "payload_too_large",
      messageKey: "permitDocumentTooLarge",
      details: { maxMb: MAX_DOCUMENT_BYTES / 1024 / 1024 },
    });
  }
  const type = sniff(input.data);
  if (!type)
    throw new AppError({
      code: "unprocessable",
      messageKey: "permitDocumentType",
      details: { types: "PDF, JPEG, PNG" },
    });
  const now = input.now ?? new Date();
  const storage = input.storage ?? getStorage();
  const key = `permits/${now.toISOString().slice(0, 7).replace("-", "/")}/${randomUUID()}.${type.extension}`;
  const fileName =
    input.fileName.replace(/[\\/\u0000-\u001f]/g, "_").slice(0, 200) || `document.${type.extension}`;
  await storage.put(key, input.data, type.contentType);
  try {
    return await transaction(input.db, async (tx) => {
      const permit = await lockPermit(tx, input);
      const [event] = await tx
        .insert(t.permitEvents)
        .values({
          permitId: permit.id,
          kind: "document_added",
          actorUserId: input.actorUserId,
          note: fileName,
          createdAt: now,
        })
        .returning({ id: t.permitEvents.id });
      const [doc] = await tx
        .insert(t.permitDocuments)
        .values({
          permitId: permit.id,
          eventId: event!.id,
          fileName,
          storageKey: key,
          contentType: type.contentType,
          byteSize: input.data.length,
          sha256: createHash("sha256").update(input.data).digest("hex"),
          createdAt: now,
        })
        .returning({ id: t.permitDocuments.id });
      await tx
        .update(t.permits)
        .set({ version: sql`${t.permits.version} + 1`, updatedAt: now })
        .where(eq(t.permits.id, permit.id));
      return { id: doc!.id, version: permit.version + 1 };
    });
  } catch (err) {
    await storage.delete(key);
    throw err;
  }
}
