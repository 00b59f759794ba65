import "server-only";
import { sql } from "drizzle-orm";
import type { NextRequest } from "next/server";
import { z } from "zod";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import type { SessionUser } from "../auth/staff-user";
import { AppError } from "../errors";
import { MAX_IMPORT_BYTES } from "./import-schema";
import { readJson } from "../request/read-body";

/** An import request from the admin page: the CSV as text, the mapping, and the municipality (one of the admin's own). */
export const importRequestSchema = z.object({
  municipalityCode: z.string().min(1).max(64),
  fileName: z.string().min(1).max(255),
  csv: z.string().min(1),
  mapping: z.unknown().optional(),
});

export async function readImportRequest(req: NextRequest): Promise<z.infer<typeof importRequestSchema>> {
  const body = await readJson(req, {
    maxBytes: Math.ceil(MAX_IMPORT_BYTES * 1.1) + 4096,
    tooLarge: () =>
      new AppError({
        code: "payload_too_large",
        messageKey: "importTooLarge",
        details: { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 },
      }),
  });
  if (body === null) throw new AppError({ code: "bad_request", messageKey: "malformedForm" });
  return importRequestSchema.parse(body);
}

/** The municipality by code, if the admin works for it. */
export async function adminMunicipalityId(input: {
  db: Database;
  user: SessionUser;
  code: string;
}): Promise<number> {
  const row = await queryOne<{ id: number }>(
    input.db,
    sql`select id from municipalities where code = ${input.code}`,
  );
  if (!row || !input.user.municipalityIds.includes(row.id))
    throw new AppError({ code: "forbidden", messageKey: "importNoMunicipality" });
  return row.id;
}
