import { parseArgs } from "node:util";
import { closeDb, getDb } from "../db/client";
import { configureOpen311Endpoint } from "../lib/open311/client/configure-endpoint";

/**
 * npm run open311:forward -- --municipality cuprija --organisation vodovod --name "Vodovod WO"
 *   --base-url https://wo.vodovod.example/open311/v2 --api-key KEY [--jurisdiction ID]
 *   --rule water_leak=LEAK --rule no_water=OUTAGE
 * Registers an organisation's own Open311 system and the categories forwarded to it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      municipality: { type: "string" },
      organisation: { type: "string" },
      name: { type: "string" },
      "base-url": { type: "string" },
      "api-key": { type: "string" },
      jurisdiction: { type: "string" },
      rule: { type: "string", multiple: true },
    },
  });
  const rules = Object.fromEntries((values.rule ?? []).map((r) => r.split("=", 2) as [string, string]));
  const result = await configureOpen311Endpoint({
    db: await getDb(),
    municipalityCode: values.municipality ?? "",
    config: {
      organisationCode: values.organisation ?? "",
      name: values.name ?? "",
      baseUrl: values["base-url"] ?? "",
      apiKey: values["api-key"] ?? "",
      jurisdictionId: values.jurisdiction,
      rules,
    },
  });
  console.info(`[open311] endpoint ${result.endpointId} forwards ${result.rules} categories`);
  await closeDb();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
