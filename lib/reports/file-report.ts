import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import * as t from "../../db/schema";
import { computeDueAt, localDate } from "../calendar/working-days";
import { AppError } from "../errors";
import { locales, localized, type Locale, type LocalizedText } from "../i18n/config";
import { pointSql, representativePointSql } from "../geo/sql";
import { validateGeometry } from "../geo/validate-geometry";
import type { LineString, Polygon } from "geojson";
import { notifyReportChange } from "../live/report-changes";
import { enqueueReportNotifications } from "../notifications/enqueue-report-notifications";
import { linkReportToPermits } from "../permits/link-report-to-permits";
import { uncoveredWorksSql } from "../permits/find-permit-coverage";
import { findMunicipalityAt, routeReport, type RoutingReason } from "../routing/route-report";
import { loadCalendar } from "../workflow/load-calendar";
import type { Storage } from "../storage/storage";
import { screenNewReport } from "../moderation/screen-new-report";
import { storePhotos } from "./store-photos";
import { MAX_PHOTOS, processPhoto, type ProcessedPhoto } from "./photos";
import { checkAnswers, type CategoryQuestion } from "./questions";
import { cryptoRandom, makeTrackingCode } from "./tracking-code";
import { transaction } from "../../db/transaction";

export const MAX_DESCRIPTION = 4_000;

/** A new report as any channel submits it (web form, contact centre, Open311, field app). */
export const fileReportSchema = z.object({
  serviceCode: z.string().trim().min(1).max(64),
  position: z.tuple([z.number().finite().min(-180).max(180), z.number().finite().min(-90).max(90)]),
  // Optional when a photo says it all (descriptionOrPhotoRequired, checked in fileReport).
  description: z.string().trim().max(MAX_DESCRIPTION).default(""),
  address: z.string().trim().max(200).optional(),
  // Every channel but "import", which only the CSV import of history writes.
  channel: z.enum(["web", "phone", "counter", "email", "open311", "field"]).default("web"),
  contact: z
    .object({
      name: z.string().trim().max(120).optional(),
      email: z.string().trim().toLowerCase().email().max(254).optional(),
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9 ()/-]{6,25}$/)
        .optional(),
      anonymous: z.boolean().default(false),
    })
    .optional(),
  locale: z.enum(locales).default("sr-Latn"),
  // Answers to the category's extra questions, by question code.
  answers: z
    .record(
      z.string().max(64),
      z.union([z.string().max(2_000), z.number(), z.array(z.string().max(200)).max(20)]),
    )
    .default({}),
  // A photo hosted by the reporting application (Open311 media_url).
  mediaUrl: z.string().url().max(1_000).optional(),
  // A problem that is not a point: a stretch of road (LineString) or an area (Polygon).
  shape: z.unknown().optional(),
  // Client-generated, so a retry from a flaky connection returns the first report.
  submissionKey: z.string().uuid().optional(),
});

export type FileReportInput = z.input<typeof fileReportSchema>;

export type FiledReport = {
  id: number;
  trackingCode: string;
  status: t.Report["status"];
  dueAt: Date;
  assignedOrganisationId: number;
  routingReason: RoutingReason;
  created: boolean;
};

/**
 * Files a report: checks where and what, routes it to its owner, sets its due date, and writes
 * the report, the reporter's contact, the first audit event and the receipt messages in one
 * transaction. Idempotent by submission key.
 */
export async function fileReport(input: {
  db: Database;
  report: FileReportInput;
  photos?: Buffer[];
  storage?: Storage;
  /** A staff member filing on a caller's behalf (phone, counter): recorded on the first event. */
  filedBy?: { userId: number; organisationId: number | null };
  /** A citizen signed in by e-mail link: the report joins their "My reports" (their address is its contact unless they gave another). */
  citizen?: { userId: number; email: string };
  /** Staff file only inside the municipalities they work for; citizens and Open311 anywhere served. */
  municipalityIds?: readonly number[];
  now?: Date;
}): Promise<FiledReport> {
  const report = fileReportSchema.parse(input.report);
  const { db } = input;
  const now = input.now ?? new Date();
  const photoInputs = input.photos ?? [];
  if (photoInputs.length > MAX_PHOTOS) {
    throw new AppError({ code: "unprocessable", messageKey: "tooManyPhotos", details: { max: MAX_PHOTOS } });
  }

  // Every channel: a report says what is wrong in words or in a photo.
  if (!report.description && photoInputs.length === 0 && !report.mediaUrl) {
    throw new AppError({
      code: "unprocessable",
      messageKey: "descriptionOrPhotoRequired",
      details: { field: "description" },
    });
  }

  if (report.submissionKey) {
    const existing = await findBySubmissionKey(db, report.submissionKey);
    if (existing) return existing;
  }

  const municipalityId = await findMunicipalityAt({
    db,
    position: report.position,
    preferIds: input.municipalityIds,
  });
  if (municipalityId === null)
    throw await outsideServedArea({ db, position: report.position, locale: report.locale });
  if (input.municipalityIds && !input.municipalityIds.includes(municipalityId)) {
    throw new AppError({ code: "forbidden", messageKey: "outsideYourMunicipality" });
  }

  const drawn =
    report.shape === undefined || report.shape === null
      ? null
      : await checkShape(db, municipalityId, report.shape);
  const shape = drawn?.shape ?? null;
  // A drawn report's pin is a point on its shape (the middle of a line, a point inside an area),
  // so every consumer of the point alone (Open311, lists, clusters) still lands on the shape.
  const position: [number, number] = drawn?.pointOn ?? report.position;

  // The category with its municipality's training flag, in one statement.
  const category = await queryOne<{
    id: number;
    responsible_kind: string;
    responsible_sector: string | null;
    sla_working_days: number;
    is_public: boolean;
    questions: CategoryQuestion[];
    is_training: boolean;
  }>(
    db,
    sql`select c.id, c.responsible_kind, c.responsible_sector, c.sla_working_days, c.is_public, c.questions, m.is_training
        from service_categories c join municipalities m on m.id = c.municipality_id
        where c.municipality_id = ${municipalityId} and c.service_code = ${report.serviceCode} and c.active`,
  );
  if (!category) throw new AppError({ code: "unprocessable", messageKey: "categoryNotOffered" });
  // Training reports are never public: not on the map, the tiles, open data or Open311.
  const training = category.is_training;
  const problems = checkAnswers(category.questions, report.answers);
  const stop = problems.find((p) => p.problem === "stop");
  if (stop && stop.problem === "stop") {
    throw new AppError({
      code: "unprocessable",
      messageKey: "stopAnswer",
      details: { notice: localized(stop.notice, report.locale) },
    });
  }
  if (problems.length > 0)
    throw new AppError({ code: "unprocessable", messageKey: "invalidAnswers", details: { problems } });

  // Every photo is checked and re-encoded before anything is stored.
  const photos: ProcessedPhoto[] = [];
  for (const photo of photoInputs) photos.push(await processPhoto(photo));

  const routing = await routeReport({
    db,
    municipalityId,
    responsibleKind: category.responsible_kind,
    responsibleSector: category.responsible_sector,
    position,
    shape,
  });
  const ownerId = routing.organisationId ?? (await contactCentreOf(db, municipalityId));
  const dueAt = computeDueAt({
    createdAt: now,
    slaWorkingDays: category.sla_working_days,
    overrides: await loadCalendar(db, municipalityId),
  });

  const stored = await storePhotos({ photos, storage: input.storage, now });
  const removeStored = stored.remove;

  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      const trackingCode = makeTrackingCode(cryptoRandom);
      const filed = await transaction(db, async (tx) => {
        // Conflicts on the submission key (a concurrent retry) or, rarely, on the tracking code
        // insert nothing; which one it was is decided below.
        const [row] = await tx
          .insert(t.reports)
          .values({
            trackingCode,
            municipalityId,
            categoryId: category.id,
            districtId: routing.context.districtId,
            location: { type: "Point", coordinates: position },
            shape,
            address: report.address || null,
            description: report.description,
            answers: report.answers,
            mediaUrl: report.mediaUrl ?? null,
            status: "received",
            channel: report.channel,
            assignedOrganisationId: ownerId,
            routingNote: routing.organisationId === null ? routing.reason : null,
            dueAt,
            isPublic: category.is_public && !training,
            submissionKey: report.submissionKey ?? null,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: t.reports.id });
        if (!row) return null;
        if (
          input.citizen ||
          (report.contact && (report.contact.name || report.contact.email || report.contact.phone))
        ) {
          await tx.insert(t.reportContacts).values({
            reportId: row.id,
            municipalityId,
            userId: input.citizen?.userId ?? null,
            name: report.contact?.name || null,
            email: report.contact?.email || input.citizen?.email || null,
            phone: report.contact?.phone || null,
            anonymous: report.contact?.anonymous ?? false,
            locale: report.locale,
          });
        }
        await stored.insert(tx, { reportId: row.id, municipalityId, isPublic: category.is_public });
        const [event] = await tx
          .insert(t.reportEvents)
          .values({
            reportId: row.id,
            municipalityId,
            kind: "created",
            toStatus: "received",
            toOrganisationId: ownerId,
            // The staff member who took it (phone, counter, field); none for a citizen's own report.
            actorUserId: input.filedBy?.userId ?? null,
            actorOrganisationId: input.filedBy?.organisationId ?? null,
            internalNote: routing.organisationId === null ? `routing: ${routing.reason}` : null,
            createdAt: now,
          })
          .returning({ id: t.reportEvents.id });
        await screenNewReport(tx, { reportId: row.id, municipalityId, description: report.description, now });
        await enqueueReportNotifications(tx, { reportId: row.id, eventIds: [event!.id] });
        // Inside or next to an active works site: the permit's holder and issuer hear of it.
        await linkReportToPermits(tx, { reportId: row.id, municipalityId, position, now });
        // The category's rule: works that no active permit covers are raised in priority.
        await tx.execute(
          sql`update reports r set priority = c.unpermitted_priority from service_categories c
              where r.id = ${row.id} and c.id = r.category_id and c.unpermitted_priority > r.priority
                and ${uncoveredWorksSql(localDate(now))}`,
        );
        await notifyReportChange(tx, row.id);
        return row.id;
      });
      if (filed !== null) {
        return {
          id: filed,
          trackingCode,
          status: "received",
          dueAt,
          assignedOrganisationId: ownerId,
          routingReason: routing.reason,
          created: true,
        };
      }
      if (report.submissionKey) {
        const existing = await findBySubmissionKey(db, report.submissionKey);
        if (existing) {
          // A concurrent retry won: its photos are the report's, these copies go.
          await removeStored();
          return existing;
        }
      }
    }
    throw new Error("could not allocate a tracking code");
  } catch (err) {
    // Nothing acknowledged, nothing kept: the photos of a report that was not saved are removed.
    await removeStored();
    throw err;
  }
}

async function findBySubmissionKey(db: Database, key: string): Promise<FiledReport | null> {
  const row = await queryOne<{
    id: number;
    tracking_code: string;
    status: t.Report["status"];
    due_at: string | Date;
    assigned_organisation_id: number;
    routing_note: string | null;
  }>(
    db,
    sql`select id, tracking_code, status, due_at, assigned_organisation_id, routing_note from reports where submission_key = ${key}`,
  );
  if (!row) return null;
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    status: row.status,
    dueAt: new Date(row.due_at),
    assignedOrganisationId: row.assigned_organisation_id,
    routingReason: (row.routing_note as RoutingReason | null) ?? "service_area",
    created: false,
  };
}

async function contactCentreOf(db: Database, municipalityId: number): Promise<number> {
  const row = await queryOne<{ id: number }>(
    db,
    sql`select id from organisations where municipality_id = ${municipalityId} and kind = 'contact_centre' and active
        order by code limit 1`,
  );
  if (!row) throw new Error(`municipality ${municipalityId} has no contact centre to triage reports`);
  return row.id;
}

/**
 * A drawn line or area: well formed, simple, valid for PostGIS, and inside the municipality; with
 * the point on it that stands for it (the middle of a line, a point inside an area).
 */
async function checkShape(
  db: Database,
  municipalityId: number,
  input: unknown,
): Promise<{ shape: LineString | Polygon; pointOn: [number, number] }> {
  const checked = validateGeometry(input, ["LineString", "Polygon"] as const);
  if (!checked.valid) throw new AppError({ code: "unprocessable", messageKey: `geometry_${checked.reason}` });
  const row = await queryOne<{ valid: boolean; inside: boolean; lng: number | null; lat: number | null }>(
    db,
    sql`select ST_IsValid(g) as valid, ST_Covers(m.boundary, g) as inside,
               ST_X(p) as lng, ST_Y(p) as lat
        from (select g, case when ST_IsValid(g) then ${representativePointSql(sql`g`)} end as p
              from (select ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(checked.geometry)}), 4326) as g) s0) s,
             municipalities m where m.id = ${municipalityId}`,
  );
  if (!row?.valid) throw new AppError({ code: "unprocessable", messageKey: "geometry_malformed" });
  if (!row.inside) throw new AppError({ code: "unprocessable", messageKey: "geometry_outside_area" });
  return { shape: checked.geometry, pointOn: [Number(row.lng), Number(row.lat)] };
}

/** "Outside the area served", naming the nearest municipality that is served. */
export async function outsideServedArea(input: {
  db: Database;
  position: [number, number];
  locale: Locale;
}): Promise<AppError> {
  const { db, position, locale } = input;
  const nearest = await queryOne<{ name: LocalizedText; km: number }>(
    db,
    sql`select name, round((ST_Distance(boundary::geography, ${pointSql(position)}::geography) / 1000)::numeric, 1)::float8 as km
        from municipalities where not is_training order by boundary <-> ${pointSql(position)} limit 1`,
  );
  return new AppError({
    code: "unprocessable",
    messageKey: nearest ? "outsideServedAreaNearest" : "outsideServedArea",
    details: nearest ? { nearest: localized(nearest.name, locale), km: nearest.km } : undefined,
  });
}
