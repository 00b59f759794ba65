import { z } from "zod";

/** Reasons a moderator may give (the automatic screen's own reasons are not offered). */
export const moderatorReasons = [
  "personal_data",
  "offensive",
  "defamation",
  "spam",
  "off_topic",
  "other",
] as const;

export type ModeratorReason = (typeof moderatorReasons)[number];

const common = {
  reason: z.enum(moderatorReasons),
  note: z.string().trim().max(1000).optional(),
};

/** One moderation step on a report, as the staff screens send it. */
export const moderationStepSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("hide_report"), ...common }),
  z.object({ type: z.literal("show_report"), ...common }),
  z.object({
    type: z.literal("redact_report"),
    ...common,
    // The new public text; null puts the original back.
    description: z.string().trim().min(1).max(5000).nullable().optional(),
    address: z.string().trim().max(300).nullable().optional(),
  }),
  z.object({ type: z.literal("hide_photo"), attachmentId: z.number().int().positive(), ...common }),
  z.object({ type: z.literal("show_photo"), attachmentId: z.number().int().positive(), ...common }),
  z.object({ type: z.literal("hide_comment"), commentId: z.number().int().positive(), ...common }),
  z.object({ type: z.literal("show_comment"), commentId: z.number().int().positive(), ...common }),
  z.object({ type: z.literal("dismiss_flags"), ...common }),
]);

export type ModerationStep = z.infer<typeof moderationStepSchema>;

/** "Report abuse" from the public. */
export const abuseFlagSchema = z.object({
  reason: z.enum(moderatorReasons),
  note: z.string().trim().max(1000).optional(),
});
