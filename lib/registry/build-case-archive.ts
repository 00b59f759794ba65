import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import { AppError } from "../errors";
import { getStorage, type Storage } from "../storage/storage";
import { sha256Hex } from "./canonical";
import { zipStored } from "./zip";

const closedStatuses = ["closed", "rejected", "duplicate"];

/**
 * The archive package of a closed case, as an e-Archive ingests it: `report.json` (the case without
 * the reporter's contact), `events.json` (the whole trail with each event's hash and previous
 * hash), `attachments/<id>-<sha256>.jpg` (files still kept), and `manifest.json` listing every file
 * with its SHA-256 and the chain's last hash, so the package can be checked on its own.
 */
export async function buildCaseArchive(input: {
  db: Database;
  reportId: number;
  storage?: Storage;
  now?: Date;
}): Promise<{ fileName: string; zip: Buffer }> {
  const storage = input.storage ?? getStorage();
  const now = input.now ?? new Date();
  const report = await queryOne<Record<string, unknown> & { tracking_code: string; status: string }>(
    input.db,
    sql`select r.id, r.tracking_code, r.status, r.municipality_id, c.service_code, r.description, r.public_description,
               r.address, r.public_address, ST_AsGeoJSON(r.location, 6) as location, r.created_at, r.closed_at
        from reports r join service_categories c on c.id = r.category_id where r.id = ${input.reportId}`,
  );
  if (!report) throw new AppError({ code: "not_found", messageKey: "reportNotFound" });
  if (!closedStatuses.includes(report.status))
    throw new AppError({ code: "conflict", messageKey: "caseNotClosed" });
  const events = await queryRows<Record<string, unknown> & { hash: string | null }>(
    input.db,
    sql`select id, kind, actor_user_id, actor_organisation_id, from_status, to_status, from_organisation_id,
               to_organisation_id, public_text, internal_note, created_at, prev_hash, hash
        from report_events where report_id = ${input.reportId} order by id`,
  );
  const attachments = await queryRows<{
    id: number;
    storage_key: string;
    content_type: string;
    sha256: string;
    file_removed_at: string | Date | null;
  }>(
    input.db,
    sql`select id, storage_key, content_type, sha256, file_removed_at from attachments where report_id = ${input.reportId} order by id`,
  );
  const entries: Array<{ name: string; data: Buffer }> = [
    { name: "report.json", data: Buffer.from(JSON.stringify(report, null, 2)) },
    { name: "events.json", data: Buffer.from(JSON.stringify(events, null, 2)) },
  ];
  const removed: Array<{ id: number; sha256: string; removedAt: string }> = [];
  for (const a of attachments) {
    if (a.file_removed_at !== null) {
      removed.push({ id: a.id, sha256: a.sha256, removedAt: new Date(a.file_removed_at).toISOString() });
      continue;
    }
    const data = await storage.get(a.storage_key);
    // A file lost outside retention: the manifest says so rather than the package failing.
    if (data === null) {
      removed.push({ id: a.id, sha256: a.sha256, removedAt: "missing" });
      continue;
    }
    const ext = a.content_type === "image/jpeg" ? "jpg" : (a.content_type.split("/")[1] ?? "bin");
    entries.push({ name: `attachments/${a.id}-${a.sha256.slice(0, 12)}.${ext}`, data });
  }
  const manifest = {
    format: "civic-case-archive/1",
    trackingCode: report.tracking_code,
    createdAt: now.toISOString(),
    chain: {
      algorithm: "SHA-256",
      canonicalForm: "report_event/1",
      events: events.length,
      lastHash: events.at(-1)?.hash ?? null,
    },
    files: entries.map((e) => ({
      name: e.name,
      bytes: e.data.length,
      sha256: createHash("sha256").update(e.data).digest("hex"),
    })),
    removedAttachments: removed,
  };
  const manifestData = Buffer.from(JSON.stringify(manifest, null, 2));
  entries.push({ name: "manifest.json", data: manifestData });
  entries.push({
    name: "manifest.sha256",
    data: Buffer.from(`${sha256Hex(manifestData.toString("utf8"))}  manifest.json\n`),
  });
  return { fileName: `case-${report.tracking_code}.zip`, zip: zipStored(entries, now) };
}
