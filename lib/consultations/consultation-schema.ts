import { z } from "zod";
import { moderatorReasons } from "../moderation/moderation-schema";

export const MAX_CONSULTATION_COMMENT_LENGTH = 2000;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

/** A new consultation as the permits office writes it (Serbian typed once, in Latin or Cyrillic). */
export const newConsultationSchema = z
  .object({
    title: z.string().trim().min(3).max(200),
    question: z.string().trim().min(3).max(1000),
    description: z.string().trim().max(5000).optional(),
    // The permit whose works are discussed: its site becomes the consultation's place.
    permitId: z.number().int().positive().optional(),
    opensOn: day.optional(),
    closesOn: day.optional(),
    // Open at once instead of keeping it as a draft.
    open: z.boolean().default(false),
  })
  .refine((v) => !v.opensOn || !v.closesOn || v.opensOn <= v.closesOn, { path: ["closesOn"] });

export type NewConsultationInput = z.input<typeof newConsultationSchema>;

export const consultationStatusSchema = z.object({ status: z.enum(["open", "closed"]) });

/** A citizen's comment: the text and, optionally, an e-mail address to hear the office's answer. */
export const consultationCommentSchema = z.object({
  body: z.string().trim().min(1).max(MAX_CONSULTATION_COMMENT_LENGTH),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email()
    .max(254)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** A moderator's decision on a consultation comment. */
export const consultationModerationSchema = z.object({
  // dismiss: the public's flags on a shown comment were looked at and the comment stays.
  action: z.enum(["publish", "reject", "hide", "show", "dismiss"]),
  reason: z.enum(moderatorReasons).default("other"),
  note: z.string().trim().max(1000).optional(),
});

/** The office's public answer to a comment. */
export const consultationAnswerSchema = z.object({
  answer: z.string().trim().min(1).max(MAX_CONSULTATION_COMMENT_LENGTH),
});

export const MAX_CONSULTATION_THEME_LENGTH = 60;

/** The theme the office files a comment under: a short label; empty clears it. */
export const consultationThemeSchema = z.object({
  theme: z
    .string()
    .trim()
    .max(MAX_CONSULTATION_THEME_LENGTH)
    .transform((v) => v.replace(/\s+/gu, " ") || null),
});
