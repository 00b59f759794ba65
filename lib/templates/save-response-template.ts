import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { localizedInput } from "../admin/localized-input";
import { AppError } from "../errors";

export const responseTemplateSchema = z.object({
  categoryId: z.number().int().positive().nullable(),
  setsStatus: z.enum(t.reportStatus.enumValues).nullable(),
  title: localizedInput(120),
  body: localizedInput(2000),
});

export type ResponseTemplateInput = z.input<typeof responseTemplateSchema>;

/** Adds a template to a municipality (its category, when given, must be the municipality's own). */
export async function createResponseTemplate(input: {
  db: Database;
  municipalityId: number;
  template: ResponseTemplateInput;
}): Promise<{ id: number }> {
  const v = responseTemplateSchema.parse(input.template);
  if (v.categoryId !== null) {
    const [category] = await input.db
      .select({ id: t.serviceCategories.id })
      .from(t.serviceCategories)
      .where(
        and(
          eq(t.serviceCategories.id, v.categoryId),
          eq(t.serviceCategories.municipalityId, input.municipalityId),
        ),
      );
    if (!category) throw new AppError({ code: "unprocessable", messageKey: "categoryNotFound" });
  }
  const [row] = await input.db
    .insert(t.responseTemplates)
    .values({ municipalityId: input.municipalityId, ...v })
    .returning({ id: t.responseTemplates.id });
  return row!;
}

/** Withdraws a template (kept for the record, no longer offered). */
export async function deactivateResponseTemplate(input: {
  db: Database;
  municipalityId: number;
  id: number;
}): Promise<void> {
  await input.db
    .update(t.responseTemplates)
    .set({ active: false })
    .where(
      sql`${t.responseTemplates.id} = ${input.id} and ${t.responseTemplates.municipalityId} = ${input.municipalityId}`,
    );
}
