import { z } from "zod";
import { MAX_INTERNAL_NOTE, MAX_PUBLIC_TEXT } from "./apply-action";

const texts = {
  publicText: z.string().max(MAX_PUBLIC_TEXT).optional(),
  internalNote: z.string().max(MAX_INTERNAL_NOTE).optional(),
};

/** A staff action as the workspace sends it: the version it saw, and what to do. */
export const staffActionSchema = z.object({
  expectedVersion: z.number().int().positive(),
  action: z.discriminatedUnion("type", [
    z.object({
      type: z.literal("transition"),
      to: z.enum([
        "triaged",
        "in_progress",
        "action_scheduled",
        "resolved",
        "closed",
        "rejected",
        "reopened",
      ]),
      scheduledFor: z.string().max(10).optional(),
      rejectionTarget: z.string().max(200).optional(),
      ...texts,
    }),
    z.object({ type: z.literal("assign"), organisationId: z.number().int().positive(), ...texts }),
    z.object({ type: z.literal("mark_duplicate"), duplicateOfCode: z.string().max(12), ...texts }),
    z.object({ type: z.literal("note"), ...texts }),
  ]),
});

export type StaffActionInput = z.infer<typeof staffActionSchema>;
