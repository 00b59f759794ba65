import { z } from "zod";

/** What each step of the onboarding wizard saves; the finished draft must satisfy `finishSchema`. */
export const setupSteps = [
  "municipality",
  "boundary",
  "districts",
  "organisations",
  "categories",
  "calendar",
  "staff",
] as const;
export type SetupStep = (typeof setupSteps)[number];

const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{1,62}$/);
const text = (max: number) => z.string().trim().min(1).max(max);
const localizedName = z.object({
  "sr-Latn": text(200),
  "sr-Cyrl": z.string().trim().max(200).optional(),
  en: text(200),
});
const position = z.tuple([z.number().finite().min(-180).max(180), z.number().finite().min(-90).max(90)]);
export const multiPolygonSchema = z.object({
  type: z.literal("MultiPolygon"),
  coordinates: z.array(z.array(z.array(position).min(4)).min(1)).min(1),
});
const organisationKind = z.enum(["contact_centre", "department", "inspectorate", "utility_company"]);
const staffRole = z.enum([
  "agent",
  "inspector",
  "utility_operator",
  "permit_officer",
  "planner",
  "org_admin",
  "admin",
]);

export const stepSchemas = {
  municipality: z.object({ code, name: localizedName }),
  boundary: z.object({
    fileName: text(255),
    sourceCrs: text(40),
    featureIndex: z.number().int().min(0),
    boundarySource: text(300),
    geometry: multiPolygonSchema,
  }),
  districts: z.object({
    fileName: text(255),
    sourceCrs: text(40),
    nameAttribute: text(100),
    items: z
      .array(z.object({ code, name: text(200), geometry: multiPolygonSchema }))
      .max(1_000)
      .refine((items) => new Set(items.map((i) => i.code)).size === items.length, {
        message: "duplicate district code",
      }),
  }),
  organisations: z
    .array(
      z.object({
        code,
        kind: organisationKind,
        sector: z.string().trim().max(40).nullable(),
        name: localizedName,
        email: z.string().trim().toLowerCase().email().max(254).nullable().optional(),
        serviceArea: multiPolygonSchema.nullable().optional(),
      }),
    )
    .min(1)
    .max(200)
    .refine((orgs) => new Set(orgs.map((o) => o.code)).size === orgs.length, {
      message: "duplicate organisation code",
    }),
  categories: z
    .array(
      z.object({
        serviceCode: code,
        groupCode: code,
        name: z.object({ "sr-Latn": text(200), en: text(200) }),
        description: z.object({ "sr-Latn": z.string().trim().max(1_000), en: z.string().trim().max(1_000) }),
        slaWorkingDays: z.number().int().min(1).max(365),
        responsibleKind: organisationKind,
        responsibleSector: z.string().trim().max(40).nullable(),
        isPublic: z.boolean(),
      }),
    )
    .min(1)
    .max(300)
    .refine((cats) => new Set(cats.map((c) => c.serviceCode)).size === cats.length, {
      message: "duplicate service code",
    }),
  calendar: z
    .array(
      z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), isWorking: z.boolean(), reason: text(200) }),
    )
    .max(400)
    .refine((days) => new Set(days.map((d) => d.date)).size === days.length, { message: "duplicate date" }),
  staff: z
    .array(
      z.object({
        email: z.string().trim().toLowerCase().email().max(254),
        name: text(120),
        role: staffRole,
        organisationCode: code.nullable(),
        locale: z.enum(["sr-Latn", "sr-Cyrl", "en"]).default("sr-Latn"),
      }),
    )
    .max(500),
} satisfies Record<SetupStep, z.ZodType>;

export type SetupDraftData = { [S in SetupStep]?: z.infer<(typeof stepSchemas)[S]> };

/** A draft that can be finished: everything but districts, calendar and staff is required. */
export const finishSchema = z.object({
  municipality: stepSchemas.municipality,
  boundary: stepSchemas.boundary,
  districts: stepSchemas.districts.optional(),
  organisations: stepSchemas.organisations,
  categories: stepSchemas.categories,
  calendar: stepSchemas.calendar.optional(),
  staff: stepSchemas.staff.optional(),
});
