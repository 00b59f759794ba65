import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import * as t from "../../db/schema";
import { AppError } from "../errors";
import type { LocalizedText } from "../i18n/config";
import { toCyrillic } from "../i18n/transliterate";
import { hashInvitationToken, INVITATION_DAYS } from "../onboarding/finish-setup";
import { cryptoRandom, makeTrackingCode } from "../reports/tracking-code";
import { transaction } from "../../db/transaction";

export const traineeSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(1).max(120),
  role: z.enum(["agent", "inspector", "utility_operator", "permit_officer", "planner", "org_admin", "admin"]),
  organisationCode: z.string().trim().min(1).max(64).nullable().default(null),
  locale: z.enum(["sr-Latn", "sr-Cyrl", "en"]).default("sr-Latn"),
});

export type TrainingMunicipality = {
  municipalityId: number;
  code: string;
  demoReports: number;
  invitations: Array<{ email: string; link: string }>;
};

/**
 * A training copy of a real municipality: the same boundary, organisations (with their service
 * areas), categories and calendar, and demo reports made from its latest public reports (no
 * contacts, no photos). Trainees get accounts of their own that belong only to the copy, so all they
 * can see and change is training data. Reports in a training municipality are never public and write
 * no messages (lib/notifications), and citizens' reports never land in it (`findMunicipalityAt`).
 * Local communities are not copied: the public district layers stay the real municipality's.
 */
export async function createTrainingMunicipality(input: {
  db: Database;
  fromCode: string;
  trainees: Array<z.input<typeof traineeSchema>>;
  demoReports?: number;
  baseUrl: string;
  now?: Date;
}): Promise<TrainingMunicipality> {
  const { db } = input;
  const now = input.now ?? new Date();
  const trainees = input.trainees.map((p) => traineeSchema.parse(p));
  const from = await queryOne<{ id: number; code: string; name: LocalizedText }>(
    db,
    sql`select id, code, name from municipalities where code = ${input.fromCode} and not is_training`,
  );
  if (!from) throw new AppError({ code: "not_found", messageKey: "municipalityNotFound" });
  const code = `${from.code}-trening`;
  if (await queryOne(db, sql`select 1 from municipalities where code = ${code}`))
    throw new AppError({ code: "conflict", messageKey: "setupCodeTaken", details: { code } });
  for (const p of trainees) {
    if (await queryOne(db, sql`select 1 from users where lower(email) = ${p.email}`))
      throw new AppError({ code: "conflict", messageKey: "trainingEmailTaken", details: { email: p.email } });
  }
  const latin = `${from.name["sr-Latn"]} – obuka`;
  const name: LocalizedText = {
    "sr-Latn": latin,
    "sr-Cyrl": toCyrillic(latin),
    en: `${from.name.en} – training`,
  };

  return transaction(db, async (tx) => {
    const created = await queryOne<{ id: number }>(
      tx,
      sql`insert into municipalities (code, name, boundary, boundary_source, is_training, created_at)
          select ${code}, ${JSON.stringify(name)}::jsonb, boundary, boundary_source, true, ${now.toISOString()}::timestamptz from municipalities where id = ${from.id}
          returning id`,
    );
    const id = created!.id;
    await tx.execute(sql`insert into organisations (municipality_id, code, kind, sector, name, email, phone, service_area, active, created_at)
                         select ${id}, code, kind, sector, name, null, null, service_area, active, ${now.toISOString()}::timestamptz from organisations where municipality_id = ${from.id}`);
    await tx.execute(sql`insert into category_groups (municipality_id, code, name, sort_order)
                         select ${id}, code, name, sort_order from category_groups where municipality_id = ${from.id}`);
    await tx.execute(sql`insert into service_categories (municipality_id, group_id, service_code, name, description, responsible_kind, responsible_sector, sla_working_days,
                           pause_sla_when_scheduled, duplicate_radius_metres, questions, location_precision_metres, checks_permit_coverage, is_public, active, sort_order)
                         select ${id}, tg.id, c.service_code, c.name, c.description, c.responsible_kind, c.responsible_sector, c.sla_working_days,
                           c.pause_sla_when_scheduled, c.duplicate_radius_metres, c.questions, c.location_precision_metres, c.checks_permit_coverage, c.is_public, c.active, c.sort_order
                         from service_categories c join category_groups g on g.id = c.group_id
                         join category_groups tg on tg.municipality_id = ${id} and tg.code = g.code
                         where c.municipality_id = ${from.id}`);
    await tx.execute(sql`insert into calendar_overrides (municipality_id, date, is_working, reason)
                         select ${id}, date, is_working, reason from calendar_overrides where municipality_id = ${from.id}`);
    // Local communities: the trainees' maps, filters and analytics show the same districts.
    await tx.execute(sql`insert into districts (municipality_id, code, name, area, population)
                         select ${id}, code, name, area, population from districts where municipality_id = ${from.id}`);

    // Demo reports: the latest public reports, as they stand, with new numbers and no personal data.
    const sources = await queryRows<{
      service_code: string;
      location: string;
      address: string | null;
      description: string;
      status: t.Report["status"];
      channel: t.Report["channel"];
      due_at: Date | string | null;
      created_at: Date | string;
      org_code: string;
    }>(
      tx,
      // From the public projection: the point and address as published (reduced for precision
      // categories), a moderated description as redacted.
      sql`select r.service_code, ST_AsGeoJSON(r.location) as location, r.address, r.description, r.status, r.channel, r.due_at, r.created_at, o.code as org_code
          from public_reports r join organisations o on o.id = r.assigned_organisation_id
          where r.municipality_id = ${from.id} and r.status <> 'duplicate'
          order by r.created_at desc limit ${input.demoReports ?? 40}`,
    );
    const categoryIds = new Map(
      (
        await queryRows<{ id: number; service_code: string }>(
          tx,
          sql`select id, service_code from service_categories where municipality_id = ${id}`,
        )
      ).map((c) => [c.service_code, c.id]),
    );
    const orgIds = new Map(
      (
        await queryRows<{ id: number; code: string }>(
          tx,
          sql`select id, code from organisations where municipality_id = ${id}`,
        )
      ).map((o) => [o.code, o.id]),
    );
    if (sources.length > 0) {
      const inserted = await tx
        .insert(t.reports)
        .values(
          sources.map((r) => ({
            trackingCode: makeTrackingCode(cryptoRandom),
            municipalityId: id,
            categoryId: categoryIds.get(r.service_code)!,
            location: JSON.parse(r.location) as { type: "Point"; coordinates: [number, number] },
            address: r.address,
            description: r.description,
            status: r.status,
            channel: r.channel,
            assignedOrganisationId: orgIds.get(r.org_code)!,
            dueAt: r.due_at === null ? null : new Date(r.due_at),
            isPublic: false,
            createdAt: new Date(r.created_at),
            updatedAt: now,
          })),
        )
        .returning({
          id: t.reports.id,
          status: t.reports.status,
          ownerId: t.reports.assignedOrganisationId,
          createdAt: t.reports.createdAt,
        });
      // The district as filing sets it (lowest code on a shared edge).
      await tx.execute(sql`update reports r set district_id = (select d.id from districts d where d.municipality_id = ${id} and ST_Covers(d.area, r.location) order by d.code limit 1)
                           where r.municipality_id = ${id}`);
      await tx.insert(t.reportEvents).values(
        inserted.map((r) => ({
          reportId: r.id,
          municipalityId: id,
          kind: "created" as const,
          toStatus: r.status,
          toOrganisationId: r.ownerId,
          internalNote: "training demo",
          createdAt: r.createdAt,
        })),
      );
    }

    const invitations: TrainingMunicipality["invitations"] = [];
    for (const p of trainees) {
      if (p.organisationCode && !orgIds.has(p.organisationCode))
        throw new AppError({
          code: "unprocessable",
          messageKey: "setupUnknownOrganisation",
          details: { code: p.organisationCode },
        });
      const [user] = await tx
        .insert(t.users)
        .values({ email: p.email, name: p.name, locale: p.locale, createdAt: now })
        .returning({ id: t.users.id });
      await tx.insert(t.memberships).values({
        userId: user!.id,
        municipalityId: id,
        organisationId: p.organisationCode ? orgIds.get(p.organisationCode)! : null,
        role: p.role,
      });
      const token = randomBytes(24).toString("base64url");
      await tx.insert(t.staffInvitations).values({
        userId: user!.id,
        tokenHash: hashInvitationToken(token),
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
        createdAt: now,
      });
      invitations.push({ email: p.email, link: `${input.baseUrl.replace(/\/$/, "")}/invite/${token}` });
    }
    return { municipalityId: id, code, demoReports: sources.length, invitations };
  });
}
