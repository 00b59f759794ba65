import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import * as t from "../../db/schema";
import { AppError } from "../errors";
import { stepSchemas, type SetupDraftData, type SetupStep } from "./draft-schema";

export type SetupDraft = { id: number; data: SetupDraftData; updatedAt: Date };

/** The admin's unfinished setup, or a new one: the wizard resumes where it was left. */
export async function getOrStartSetupDraft(input: { db: Database; userId: number }): Promise<SetupDraft> {
  const [open] = await input.db
    .select()
    .from(t.onboardingDrafts)
    .where(and(eq(t.onboardingDrafts.createdBy, input.userId), isNull(t.onboardingDrafts.finishedAt)))
    .orderBy(desc(t.onboardingDrafts.id))
    .limit(1);
  if (open) return { id: open.id, data: open.data as SetupDraftData, updatedAt: open.updatedAt };
  const [created] = await input.db.insert(t.onboardingDrafts).values({ createdBy: input.userId }).returning();
  return { id: created!.id, data: {}, updatedAt: created!.updatedAt };
}

/** Every area in a step must be valid for PostGIS (the preview repaired them; a hand-made request may not have). */
async function checkGeometries(db: Database, geometries: unknown[]): Promise<void> {
  if (geometries.length === 0) return;
  const row = await queryOne<{ valid: boolean }>(
    db,
    sql`select coalesce(bool_and(ST_IsValid(ST_GeomFromGeoJSON(g))), true) as valid
        from jsonb_array_elements_text(${JSON.stringify(geometries.map((g) => JSON.stringify(g)))}::jsonb) as g`,
  );
  if (!row?.valid) throw new AppError({ code: "unprocessable", messageKey: "setupInvalidGeometry" });
}

/** Saves one step's answers (validated) into the admin's open draft. */
export async function saveSetupStep(input: {
  db: Database;
  userId: number;
  step: SetupStep;
  value: unknown;
}): Promise<SetupDraft> {
  const { db } = input;
  const parsed = stepSchemas[input.step].parse(input.value);
  const geometries =
    input.step === "boundary"
      ? [(parsed as SetupDraftData["boundary"])!.geometry]
      : input.step === "districts"
        ? (parsed as NonNullable<SetupDraftData["districts"]>).items.map((i) => i.geometry)
        : input.step === "organisations"
          ? (parsed as NonNullable<SetupDraftData["organisations"]>).flatMap((o) =>
              o.serviceArea ? [o.serviceArea] : [],
            )
          : [];
  await checkGeometries(db, geometries);
  const draft = await getOrStartSetupDraft({ db, userId: input.userId });
  const data = { ...draft.data, [input.step]: parsed };
  const [row] = await db
    .update(t.onboardingDrafts)
    .set({ data, updatedAt: new Date() })
    .where(and(eq(t.onboardingDrafts.id, draft.id), isNull(t.onboardingDrafts.finishedAt)))
    .returning();
  if (!row) throw new AppError({ code: "conflict", messageKey: "setupAlreadyFinished" });
  return { id: row.id, data: row.data as SetupDraftData, updatedAt: row.updatedAt };
}
