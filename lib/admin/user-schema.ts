import { z } from "zod";
import { locales } from "../i18n/config";
import { staffRoles } from "../auth/roles";

/** At least this many characters; long passphrases beat character-class rules. */
export const MIN_PASSWORD_LENGTH = 10;

export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(200);

/** Roles that belong to an organisation's staff and need one; the others are municipality-wide. */
export const organisationRoles = [
  "agent",
  "inspector",
  "utility_operator",
  "permit_officer",
  "org_admin",
] as const;

export const membershipSchema = z
  .object({
    role: z.enum(staffRoles as [string, ...string[]]),
    organisationId: z.number().int().positive().nullable(),
    isLead: z.boolean().default(false),
  })
  .refine((m) => !(organisationRoles as readonly string[]).includes(m.role) || m.organisationId !== null, {
    path: ["organisationId"],
    message: "organisationRequired",
  })
  .refine((m) => !m.isLead || m.organisationId !== null, {
    path: ["isLead"],
    message: "leadNeedsOrganisation",
  });

const memberships = z
  .array(membershipSchema)
  .min(1)
  .max(20)
  .refine((list) => new Set(list.map((m) => `${m.role}:${m.organisationId}`)).size === list.length, {
    message: "duplicateMembership",
  });

const userFields = {
  name: z.string().trim().min(2).max(200),
  locale: z.enum(locales),
  memberships,
};

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  ...userFields,
  // Chosen by the administrator and handed over; the user must replace it at the first sign-in.
  initialPassword: passwordSchema,
});

export const userUpdateSchema = z.object({ ...userFields, active: z.boolean() });

export const passwordResetSchema = z.object({ temporaryPassword: passwordSchema });

export const ownPasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema })
  .refine((p) => p.currentPassword !== p.newPassword, { path: ["newPassword"], message: "samePassword" });

export type MembershipInput = z.output<typeof membershipSchema>;
