import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../../db/client";
import { queryOne } from "../../../db/query";
import { AppError } from "../../errors";
import { transaction } from "../../../db/transaction";

export const endpointConfigSchema = z.object({
  organisationCode: z.string().trim().min(1),
  name: z.string().trim().min(1).max(200),
  baseUrl: z
    .string()
    .trim()
    .url()
    .refine((u) => /^https?:\/\//.test(u), "http or https")
    .transform((u) => u.replace(/\/+$/, "")),
  apiKey: z.string().min(1).max(500),
  jurisdictionId: z.string().trim().min(1).max(100).optional(),
  // Our service_code → the external system's service_code.
  rules: z
    .record(z.string().trim().min(1), z.string().trim().min(1).max(100))
    .refine((r) => Object.keys(r).length > 0, "at least one rule"),
});

export type EndpointConfig = z.input<typeof endpointConfigSchema>;

/**
 * Registers (or updates) an organisation's own Open311 system and which of our categories go
 * there. All or nothing: an unknown organisation or category changes nothing.
 */
export async function configureOpen311Endpoint(input: {
  db: Database;
  municipalityCode: string;
  config: EndpointConfig;
}): Promise<{ endpointId: number; rules: number }> {
  const config = endpointConfigSchema.parse(input.config);
  return transaction(input.db, async (tx) => {
    const org = await queryOne<{ id: number; municipality_id: number }>(
      tx,
      sql`select o.id, o.municipality_id from organisations o join municipalities m on m.id = o.municipality_id
          where m.code = ${input.municipalityCode} and o.code = ${config.organisationCode}`,
    );
    if (!org) throw new AppError({ code: "unprocessable", messageKey: "organisationNotFound" });
    const endpoint = (await queryOne<{ id: number }>(
      tx,
      sql`insert into open311_endpoints (municipality_id, organisation_id, name, base_url, api_key, jurisdiction_id)
          values (${org.municipality_id}, ${org.id}, ${config.name}, ${config.baseUrl}, ${config.apiKey}, ${config.jurisdictionId ?? null})
          on conflict (organisation_id, base_url) do update
            set name = excluded.name, api_key = excluded.api_key, jurisdiction_id = excluded.jurisdiction_id, active = true
          returning id`,
    ))!;
    for (const [ours, theirs] of Object.entries(config.rules)) {
      const category = await queryOne<{ id: number }>(
        tx,
        sql`select id from service_categories where municipality_id = ${org.municipality_id} and service_code = ${ours}`,
      );
      if (!category)
        throw new AppError({
          code: "unprocessable",
          messageKey: "categoryNotFound",
          details: { code: ours },
        });
      await tx.execute(
        sql`insert into open311_forward_rules (category_id, endpoint_id, external_service_code)
            values (${category.id}, ${endpoint.id}, ${theirs})
            on conflict (category_id, endpoint_id) do update set external_service_code = excluded.external_service_code`,
      );
    }
    return { endpointId: endpoint.id, rules: Object.keys(config.rules).length };
  });
}
