import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../../db/client";
import { queryRows } from "../../../db/query";
import { open311Endpoints, open311ForwardRules } from "../../../db/schema";
import { AppError } from "../../errors";
import { endpointConfigSchema } from "./configure-endpoint";

/** The administration's form of an endpoint: the script's fields, rules by category id, the key optional when editing. */
export const endpointFormSchema = z.object({
  organisationId: z.number().int().positive(),
  name: endpointConfigSchema.shape.name,
  baseUrl: endpointConfigSchema.shape.baseUrl,
  // Empty when editing: keep the stored key (it is never sent back to the browser).
  apiKey: z
    .string()
    .max(500)
    .optional()
    .transform((v) => (v ? v : undefined)),
  jurisdictionId: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => (v ? v : null)),
  active: z.boolean(),
  rules: z
    .array(
      z.object({
        categoryId: z.number().int().positive(),
        externalServiceCode: z.string().trim().min(1).max(100),
      }),
    )
    .max(200)
    .refine((r) => new Set(r.map((x) => x.categoryId)).size === r.length, { message: "duplicateRule" }),
});

export type EndpointSnapshot = {
  organisationId: number;
  name: string;
  baseUrl: string;
  jurisdictionId: string | null;
  active: boolean;
  apiKeyEnding: string;
  rules: Array<{ categoryId: number; externalServiceCode: string }>;
};

/** "••••1234": enough to tell two keys apart, never the key. */
export function maskApiKey(key: string): string {
  return `••••${key.length > 8 ? key.slice(-4) : ""}`;
}

async function snapshot(db: Database, endpointId: number): Promise<EndpointSnapshot | null> {
  const [row] = await db.select().from(open311Endpoints).where(eq(open311Endpoints.id, endpointId));
  if (!row) return null;
  const rules = await db
    .select({
      categoryId: open311ForwardRules.categoryId,
      externalServiceCode: open311ForwardRules.externalServiceCode,
    })
    .from(open311ForwardRules)
    .where(eq(open311ForwardRules.endpointId, endpointId))
    .orderBy(open311ForwardRules.categoryId);
  return {
    organisationId: row.organisationId,
    name: row.name,
    baseUrl: row.baseUrl,
    jurisdictionId: row.jurisdictionId,
    active: row.active,
    apiKeyEnding: maskApiKey(row.apiKey),
    rules,
  };
}

/**
 * Registers (no `endpointId`) or changes an organisation's own Open311 system and the categories
 * forwarded to it under its service codes — what `npm run open311:forward` does, from the
 * administration. The rules are replaced as a whole; forwards already made keep their record.
 * Returns the before and after snapshots (key masked) for the audit.
 */
export async function saveOpen311Endpoint(input: {
  tx: Database;
  municipalityId: number;
  endpointId?: number;
  endpoint: unknown;
}): Promise<{ id: number; before: EndpointSnapshot | null; after: EndpointSnapshot }> {
  const data = endpointFormSchema.parse(input.endpoint);
  const { tx } = input;
  const orgs = await queryRows<{ id: number }>(
    tx,
    sql`select id from organisations where id = ${data.organisationId} and municipality_id = ${input.municipalityId}`,
  );
  if (orgs.length === 0) throw new AppError({ code: "unprocessable", messageKey: "organisationNotFound" });
  const categoryIds = data.rules.map((r) => r.categoryId);
  if (categoryIds.length) {
    const found = await queryRows<{ id: number }>(
      tx,
      sql`select id from service_categories where municipality_id = ${input.municipalityId} and id in ${categoryIds}`,
    );
    if (found.length !== categoryIds.length)
      throw new AppError({ code: "unprocessable", messageKey: "categoryGroupNotFound" });
  }
  const [clash] = await tx
    .select({ id: open311Endpoints.id })
    .from(open311Endpoints)
    .where(
      and(
        eq(open311Endpoints.organisationId, data.organisationId),
        eq(open311Endpoints.baseUrl, data.baseUrl),
      ),
    );
  if (clash && clash.id !== input.endpointId)
    throw new AppError({ code: "conflict", messageKey: "endpointExists" });
  let id = input.endpointId;
  let before: EndpointSnapshot | null = null;
  const values = {
    organisationId: data.organisationId,
    name: data.name,
    baseUrl: data.baseUrl,
    jurisdictionId: data.jurisdictionId,
    active: data.active,
  };
  if (id === undefined) {
    if (!data.apiKey) throw new AppError({ code: "unprocessable", messageKey: "apiKeyRequired" });
    const [row] = await tx
      .insert(open311Endpoints)
      .values({ ...values, apiKey: data.apiKey, municipalityId: input.municipalityId })
      .returning({ id: open311Endpoints.id });
    id = row!.id;
  } else {
    const [existing] = await tx
      .select({ id: open311Endpoints.id })
      .from(open311Endpoints)
      .where(and(eq(open311Endpoints.id, id), eq(open311Endpoints.municipalityId, input.municipalityId)))
      .for("update");
    if (!existing) throw new AppError({ code: "not_found", messageKey: "adminNotFound" });
    before = await snapshot(tx, id);
    await tx
      .update(open311Endpoints)
      .set({ ...values, ...(data.apiKey ? { apiKey: data.apiKey } : {}) })
      .where(eq(open311Endpoints.id, id));
    await tx.delete(open311ForwardRules).where(eq(open311ForwardRules.endpointId, id));
  }
  if (data.rules.length)
    await tx.insert(open311ForwardRules).values(data.rules.map((r) => ({ ...r, endpointId: id! })));
  return { id, before, after: (await snapshot(tx, id))! };
}
