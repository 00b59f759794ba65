import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import * as t from "../../db/schema";
import { AppError } from "../errors";
import { toCyrillic } from "../i18n/transliterate";
import type { LocalizedText } from "../i18n/config";
import { translate } from "../notifications/render";
import { catalogueGroups } from "./catalogue";
import { finishSchema } from "./draft-schema";
import { transaction } from "../../db/transaction";

export const INVITATION_DAYS = 14;

export type FinishedSetup = {
  municipalityId: number;
  municipalityCode: string;
  /** One per invited person: the link is returned only when it was not e-mailed. */
  invitations: Array<{ email: string; link: string | null; existingUser: boolean }>;
};

function localized(name: { "sr-Latn": string; "sr-Cyrl"?: string; en: string }): LocalizedText {
  return {
    "sr-Latn": name["sr-Latn"],
    "sr-Cyrl": name["sr-Cyrl"] || toCyrillic(name["sr-Latn"]),
    en: name.en,
  };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Creates the municipality from the admin's finished draft — boundary, districts, organisations with
 * their service areas, category groups and categories, calendar overrides, staff with their roles
 * and invitations — in one transaction: either all of it exists afterwards or none of it.
 */
export async function finishSetup(input: {
  db: Database;
  userId: number;
  /** E-mail invitations through the outbox when SMTP is configured; otherwise links for the admin. */
  sendEmail: boolean;
  baseUrl: string;
  now?: Date;
}): Promise<FinishedSetup> {
  const { db } = input;
  const now = input.now ?? new Date();
  const [draft] = await db
    .select()
    .from(t.onboardingDrafts)
    .where(and(eq(t.onboardingDrafts.createdBy, input.userId), isNull(t.onboardingDrafts.finishedAt)))
    .orderBy(sql`${t.onboardingDrafts.id} desc`)
    .limit(1);
  if (!draft) throw new AppError({ code: "not_found", messageKey: "setupNoDraft" });
  const checked = finishSchema.safeParse(draft.data);
  if (!checked.success) {
    throw new AppError({
      code: "unprocessable",
      messageKey: "setupIncomplete",
      details: { steps: [...new Set(checked.error.issues.map((i) => String(i.path[0])))].join(", ") },
    });
  }
  const data = checked.data;
  if (!data.organisations.some((o) => o.kind === "contact_centre"))
    throw new AppError({ code: "unprocessable", messageKey: "setupNeedsContactCentre" });
  const orgCodes = new Set(data.organisations.map((o) => o.code));
  for (const person of data.staff ?? []) {
    if (person.organisationCode && !orgCodes.has(person.organisationCode)) {
      throw new AppError({
        code: "unprocessable",
        messageKey: "setupUnknownOrganisation",
        details: { code: person.organisationCode },
      });
    }
  }
  const taken = await queryOne<{ id: number }>(
    db,
    sql`select id from municipalities where code = ${data.municipality.code}`,
  );
  if (taken)
    throw new AppError({
      code: "conflict",
      messageKey: "setupCodeTaken",
      details: { code: data.municipality.code },
    });

  const invitations: FinishedSetup["invitations"] = [];

  const municipality = await transaction(db, async (tx) => {
    const [m] = await tx
      .insert(t.municipalities)
      .values({
        code: data.municipality.code,
        name: localized(data.municipality.name),
        boundary: data.boundary.geometry,
        boundarySource: data.boundary.boundarySource,
        createdAt: now,
      })
      .returning({ id: t.municipalities.id, code: t.municipalities.code, name: t.municipalities.name });
    const municipalityId = m!.id;

    if (data.districts && data.districts.items.length > 0) {
      await tx.insert(t.districts).values(
        data.districts.items.map((d) => ({
          municipalityId,
          code: d.code,
          name: { "sr-Latn": d.name, "sr-Cyrl": toCyrillic(d.name), en: d.name },
          area: d.geometry,
        })),
      );
    }
    const orgRows = await tx
      .insert(t.organisations)
      .values(
        data.organisations.map((o) => ({
          municipalityId,
          code: o.code,
          kind: o.kind,
          sector: o.sector,
          name: localized(o.name),
          email: o.email ?? null,
          serviceArea: o.serviceArea ?? null,
          createdAt: now,
        })),
      )
      .returning({ id: t.organisations.id, code: t.organisations.code });
    const orgIds = new Map(orgRows.map((o) => [o.code, o.id]));

    const groupCodes = [...new Set(data.categories.map((c) => c.groupCode))];
    const groupRows = await tx
      .insert(t.categoryGroups)
      .values(
        groupCodes.map((code, i) => {
          const known = catalogueGroups.find((g) => g.code === code);
          const name = known ? known.name : { "sr-Latn": code, en: code };
          return { municipalityId, code, name: localized(name), sortOrder: i };
        }),
      )
      .returning({ id: t.categoryGroups.id, code: t.categoryGroups.code });
    const groupIds = new Map(groupRows.map((g) => [g.code, g.id]));
    await tx.insert(t.serviceCategories).values(
      data.categories.map((c, i) => ({
        municipalityId,
        groupId: groupIds.get(c.groupCode)!,
        serviceCode: c.serviceCode,
        name: localized(c.name),
        description: localized(c.description),
        responsibleKind: c.responsibleKind,
        responsibleSector: c.responsibleSector,
        slaWorkingDays: c.slaWorkingDays,
        isPublic: c.isPublic,
        sortOrder: i,
      })),
    );
    if (data.calendar && data.calendar.length > 0) {
      await tx.insert(t.calendarOverrides).values(
        data.calendar.map((d) => ({
          municipalityId,
          date: d.date,
          isWorking: d.isWorking,
          reason: d.reason,
        })),
      );
    }
    await tx
      .insert(t.memberships)
      .values({ userId: input.userId, municipalityId, organisationId: null, role: "admin" })
      .onConflictDoNothing();

    for (const person of data.staff ?? []) {
      const existing = await queryOne<{ id: number }>(
        tx,
        sql`select id from users where lower(email) = ${person.email}`,
      );
      const userId =
        existing?.id ??
        (
          await tx
            .insert(t.users)
            .values({ email: person.email, name: person.name, locale: person.locale, createdAt: now })
            .returning({ id: t.users.id })
        )[0]!.id;
      await tx
        .insert(t.memberships)
        .values({
          userId,
          municipalityId,
          organisationId: person.organisationCode ? orgIds.get(person.organisationCode)! : null,
          role: person.role,
        })
        .onConflictDoNothing();
      if (existing) {
        invitations.push({ email: person.email, link: null, existingUser: true });
        continue;
      }
      const token = randomBytes(24).toString("base64url");
      await tx.insert(t.staffInvitations).values({
        userId,
        tokenHash: hashInvitationToken(token),
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
        createdAt: now,
      });
      const link = `${input.baseUrl.replace(/\/$/, "")}/invite/${token}`;
      if (input.sendEmail) {
        const values = {
          name: person.name,
          municipality: localized(data.municipality.name)[person.locale],
          link,
          days: INVITATION_DAYS,
        };
        await tx.insert(t.outboxMessages).values({
          messageKey: `invitation-${userId}-${municipalityId}`,
          recipient: person.email,
          locale: person.locale,
          template: "staff_invitation",
          subject: await translate(person.locale, "setup.invitationEmail.subject", values),
          body: await translate(person.locale, "setup.invitationEmail.body", values),
        });
        invitations.push({ email: person.email, link: null, existingUser: false });
      } else {
        invitations.push({ email: person.email, link, existingUser: false });
      }
    }
    await tx
      .update(t.onboardingDrafts)
      .set({ finishedAt: now, municipalityId, updatedAt: now })
      .where(eq(t.onboardingDrafts.id, draft.id));
    return m!;
  });
  return { municipalityId: municipality.id, municipalityCode: municipality.code, invitations };
}
