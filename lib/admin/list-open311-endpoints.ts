import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { maskApiKey } from "../open311/client/save-endpoint";
import { scopeMunicipalityId, type AdminScope } from "./admin-scope";

export type AdminOpen311Endpoint = {
  id: number;
  organisationId: number;
  name: string;
  baseUrl: string;
  jurisdictionId: string | null;
  active: boolean;
  /** The stored key masked; the key itself never leaves the server. */
  apiKeyMasked: string;
  rules: Array<{ categoryId: number; externalServiceCode: string }>;
  forwards: number;
};

export async function listOpen311Endpoints(input: {
  db: Database;
  scope: AdminScope;
}): Promise<AdminOpen311Endpoint[]> {
  const municipalityId = scopeMunicipalityId(input.scope);
  const rows = await queryRows<
    Omit<AdminOpen311Endpoint, "apiKeyMasked"> & {
      api_key: string;
      organisation_id: number;
      base_url: string;
      jurisdiction_id: string | null;
    }
  >(
    input.db,
    sql`select e.id, e.organisation_id, e.name, e.base_url, e.jurisdiction_id, e.active, e.api_key,
               coalesce((select json_agg(json_build_object('categoryId', r.category_id, 'externalServiceCode', r.external_service_code) order by r.category_id)
                         from open311_forward_rules r where r.endpoint_id = e.id), '[]'::json) as rules,
               (select count(*)::int from report_forwards f where f.endpoint_id = e.id) as forwards
        from open311_endpoints e where e.municipality_id = ${municipalityId} order by e.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    name: r.name,
    baseUrl: r.base_url,
    jurisdictionId: r.jurisdiction_id,
    active: r.active,
    apiKeyMasked: maskApiKey(r.api_key),
    rules: r.rules,
    forwards: r.forwards,
  }));
}
