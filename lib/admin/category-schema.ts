import { z } from "zod";
import { organisationKind } from "../../db/schema/enums";
import type { CategoryQuestion } from "../reports/questions";
import { localizedInput } from "./localized-input";

/** Bounds of a category's duplicate radius: below 5 m every report is alone, above 500 m unrelated ones merge. */
export const DUPLICATE_RADIUS_METRES = { min: 5, max: 500 } as const;

const code = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/);

const optionSchema = z.object({
  value: code,
  label: localizedInput(200),
  // Choosing this option stops the flow with the notice (an emergency number instead of a report).
  stop: localizedInput(500).optional(),
});

/** The extra questions lib/reports/questions.ts understands; choice questions need options with distinct values. */
export const questionSchema = z
  .object({
    code,
    type: z.enum(["string", "number", "datetime", "text", "single_choice", "multiple_choice"]),
    label: localizedInput(300),
    required: z.boolean(),
    options: z.array(optionSchema).max(30).optional(),
  })
  .superRefine((q, ctx) => {
    const choice = q.type === "single_choice" || q.type === "multiple_choice";
    if (choice && (!q.options || q.options.length < 2))
      ctx.addIssue({ code: "custom", path: ["options"], message: "choiceNeedsOptions" });
    if (!choice && q.options?.length)
      ctx.addIssue({ code: "custom", path: ["options"], message: "optionsOnlyForChoices" });
    const values = (q.options ?? []).map((o) => o.value);
    if (new Set(values).size !== values.length)
      ctx.addIssue({ code: "custom", path: ["options"], message: "duplicateOptionValue" });
  })
  .transform((q): CategoryQuestion => ({ ...q, options: q.options?.length ? q.options : undefined }));

/** A service category as the administration edits it. */
export const categorySchema = z
  .object({
    serviceCode: code,
    groupId: z.number().int().positive(),
    name: localizedInput(200),
    description: localizedInput(1000, 0),
    responsibleKind: z.enum(organisationKind.enumValues),
    responsibleSector: z
      .string()
      .trim()
      .max(40)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^[a-z][a-z0-9_-]*$/.test(v)),
    slaWorkingDays: z.number().int().min(1).max(365),
    pauseSlaWhenScheduled: z.boolean(),
    duplicateRadiusMetres: z.number().int().min(DUPLICATE_RADIUS_METRES.min).max(DUPLICATE_RADIUS_METRES.max),
    questions: z.array(questionSchema).max(20),
    // Open data publishes reports of this category on a grid of this size (private homes); null: exact.
    locationPrecisionMetres: z.number().int().min(10).max(5000).nullable(),
    checksPermitCoverage: z.boolean(),
    isPublic: z.boolean(),
    active: z.boolean(),
    sortOrder: z.number().int().min(0).max(10_000),
  })
  .superRefine((c, ctx) => {
    const codes = c.questions.map((q) => q.code);
    if (new Set(codes).size !== codes.length)
      ctx.addIssue({ code: "custom", path: ["questions"], message: "duplicateQuestionCode" });
  });

export type CategoryInput = z.input<typeof categorySchema>;
