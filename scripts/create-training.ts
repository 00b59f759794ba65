import { parseArgs } from "node:util";
import { closeDb, getDb } from "../db/client";
import { getEnv } from "../lib/env";
import { createTrainingMunicipality } from "../lib/training/create-training-municipality";

/**
 * npm run training:create -- --municipality cuprija [--demo-reports 40]
 *   --trainee "ana.trening@cuprija.example|Ana Anić|agent|contact-centre" --trainee "…|…|utility_operator|water"
 * Creates the training copy of a municipality (`<code>-trening`) with demo reports and prints each
 * trainee's one-time link to choose a password.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      municipality: { type: "string" },
      trainee: { type: "string", multiple: true },
      "demo-reports": { type: "string" },
    },
  });
  const trainees = (values.trainee ?? []).map((spec) => {
    const [email = "", name = "", role = "", organisationCode] = spec.split("|").map((s) => s.trim());
    return { email, name, role: role as "agent", organisationCode: organisationCode || null };
  });
  const result = await createTrainingMunicipality({
    db: await getDb(),
    fromCode: values.municipality ?? "",
    trainees,
    demoReports: values["demo-reports"] ? Number(values["demo-reports"]) : undefined,
    baseUrl: getEnv().PUBLIC_BASE_URL,
  });
  console.info(`[training] ${result.code}: ${result.demoReports} demo reports`);
  for (const i of result.invitations) console.info(`[training] ${i.email}: ${i.link}`);
  await closeDb();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
