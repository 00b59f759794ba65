import { z } from "zod";
import { locales } from "../i18n/config";
import { permitKinds } from "./conflict-matrix";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  );

/** What a permit says: kind, holder, works, site and period. Shared by the register and the online application. */
export const permitFieldsSchema = z.object({
  kind: z.enum(permitKinds as [string, ...string[]]).transform((k) => k as (typeof permitKinds)[number]),
  holderName: z.string().trim().min(1).max(200),
  holderIsCompany: z.boolean().default(true),
  contractor: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
  contractorEmail: z
    .union([z.literal(""), z.string().trim().toLowerCase().email().max(254)])
    .nullish()
    .transform((v) => v || null),
  worksDescription: z.string().trim().min(1).max(2_000),
  conditions: z
    .string()
    .trim()
    .max(4_000)
    .nullish()
    .transform((v) => v || null),
  // GeoJSON Polygon or MultiPolygon, checked by checkPermitSite.
  site: z.unknown(),
  validFrom: isoDate,
  validTo: isoDate,
});

export type PermitFieldsInput = z.input<typeof permitFieldsSchema>;
export type PermitFields = z.output<typeof permitFieldsSchema>;

export const applicantSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email()
    .max(254)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()/-]{6,25}$/)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  address: z.string().trim().max(300).optional(),
});

/** An application through the one-stop shop, online or at the counter. */
export const permitApplicationSchema = permitFieldsSchema.extend({
  applicant: applicantSchema,
  locale: z.enum(locales).default("sr-Latn"),
  // Client-generated, so a retry from a flaky connection returns the first application.
  submissionKey: z.string().uuid().optional(),
});

export type PermitApplicationInput = z.input<typeof permitApplicationSchema>;

export const permitStatusChangeSchema = z.object({
  expectedVersion: z.number().int().positive(),
  to: z.enum(["applied", "under_review", "granted", "refused", "active", "completed", "revoked"]),
  reason: z.string().trim().max(2_000).optional(),
});

export const permitUpdateSchema = z.object({
  expectedVersion: z.number().int().positive(),
  permit: permitFieldsSchema,
});
