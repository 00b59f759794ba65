import { z } from "zod";
import { organisationKind } from "../../db/schema/enums";
import { localizedInput } from "./localized-input";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** An organisation as the administration edits it (the service area has its own form). */
export const organisationSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/),
  name: localizedInput(200),
  kind: z.enum(organisationKind.enumValues),
  // Narrows the kind for routing (water, waste, lighting, roads…): lower case, no spaces.
  sector: optionalText(40).refine((v) => v === null || /^[a-z][a-z0-9_-]*$/.test(v)),
  email: optionalText(254).refine((v) => v === null || z.string().email().safeParse(v).success),
  phone: optionalText(40).refine((v) => v === null || /^[+0-9 ()/-]{5,40}$/.test(v)),
  active: z.boolean(),
});

export type OrganisationInput = z.input<typeof organisationSchema>;
