import { z } from "zod";
import { cleanText } from "../../request/clean-text";

/**
 * What a developer sends to ask for an Open311 key. Control characters are refused with the field's
 * name before this runs (readJson); the refinement repeats the rule for callers that skip it.
 */
export const open311KeyRequestSchema = z.object({
  name: cleanText().trim().min(2).max(120),
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  application: cleanText().trim().min(2).max(120),
  purpose: cleanText().trim().min(20).max(2_000),
});

export type Open311KeyRequestInput = z.infer<typeof open311KeyRequestSchema>;

/** An administrator's decision on one request. */
export const open311KeyDecisionSchema = z.object({ decision: z.enum(["approve", "refuse"]) });
