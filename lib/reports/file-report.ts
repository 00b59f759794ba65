import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
import * as t from "../../db/schema";
import { computeDueAt } from "../calendar/working-days";
import { refuseOverLimit, type RateLimitHit } from "../abuse/rate-limit";
import { AppError } from "../errors";
import { locales, localized, type Locale, type LocalizedText } from "../i18n/config";
import { pointSql, representativePointSql } from "../geo/sql";
import { validateGeometry } from "../geo/validate-geometry";
import type { LineString, Polygon } from "geojson";
import {
  recipientHash,
  renderCreatedMessages,
  type Recipient,
} from "../notifications/enqueue-report-notifications";
import { renderReportLinkedMessages } from "../notifications/enqueue-permit-notifications";
import { decideOwner, routeReport, type RoutingReason, type RoutingResult } from "../routing/route-report";
import { collectSpatialContext } from "../routing/spatial-context";
import type { Storage } from "../storage/storage";
import { planNewReportScreening } from "../moderation/screen-new-report";
import { storePhotos } from "./store-photos";
import { MAX_PHOTOS, processPhoto, type ProcessedPhoto } from "./photos";
import { checkAnswers } from "./questions";
import { cryptoRandom, makeTrackingCode } from "./tracking-code";
import {
  findFilingContext,
  findLinkablePermits,
  findOwner,
  type FilingCategory,
  type KeyedReport,
  type LinkablePermit,
} from "./find-filing-context";
import { writeFiledReport, type FiledReportRows } from "./write-filed-report";

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
 * the report, the reporter's contact, the first audit event and the receipt messages at once.
 * Two statements: one reads what the filing decides on (find-filing-context.ts), one writes it all
 * (write-filed-report.ts), atomic on its own. Idempotent by submission key.
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
  /** The submission limits to count against (a citizen's filing): counted in the filing's first statement. */
  rateLimits?: RateLimitHit[];
  /**
   * The caller does nothing more in its staff scope: the filing's write ends the scope's transaction
   * (its commit travels with it, db/client.ts commitWithNextStatement).
   */
  endsScope?: boolean;
  now?: Date;
}): Promise<FiledReport> {
  const report = fileReportSchema.parse(input.report);
  const { db } = input;
  const now = input.now ?? new Date();
  const photoInputs = input.photos ?? [];
  // One statement reads everything the filing needs to decide (find-filing-context.ts).
  const context = await findFilingContext({
    db,
    position: report.position,
    serviceCode: report.serviceCode,
    submissionKey: report.submissionKey ?? null,
    preferMunicipalityIds: input.municipalityIds,
    rateLimitHits: input.rateLimits,
    now,
  });
  // Counted and refused before anything else is checked, as a separate limit would be.
  if (input.rateLimits) refuseOverLimit({ hits: input.rateLimits, counts: context.hitCounts, now });
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

  if (context.existing) return keyedReport(context.existing);

  const municipalityId = context.municipalityId;
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

  const category = context.category;
  if (!category) throw new AppError({ code: "unprocessable", messageKey: "categoryNotOffered" });
  // Training reports are never public: not on the map, the tiles, open data or Open311.
  const training = context.isTraining;
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

  // A point was routed by the context's statement; a drawn shape by the share of it in each area.
  const routing: Pick<RoutingResult, "organisationId" | "reason" | "context"> = shape
    ? await routeReport({
        db,
        municipalityId,
        responsibleKind: category.responsible_kind,
        responsibleSector: category.responsible_sector,
        position,
        shape,
      })
    : {
        ...decideOwner(context.candidates),
        context: await collectSpatialContext({
          db,
          municipalityId,
          position,
          known: { district: { districtId: context.districtId } },
        }),
      };
  if (routing.organisationId === null && !context.contactCentre)
    throw new Error(`municipality ${municipalityId} has no contact centre to triage reports`);
  const owner =
    routing.organisationId === null
      ? context.contactCentre!
      : (context.candidates.find((c) => c.id === routing.organisationId) ?? {
          id: routing.organisationId,
          ...(await findOwner({ db, organisationId: routing.organisationId })),
        });
  const dueAt = computeDueAt({
    createdAt: now,
    slaWorkingDays: category.sla_working_days,
    overrides: context.calendar,
  });
  const permits =
    shape || context.permitIds.length > 0
      ? await findLinkablePermits({ db, municipalityId, position, now })
      : [];
  const screening = planNewReportScreening({
    description: report.description,
    heldWords: context.heldWords,
    isPublic: category.is_public && !training,
    now,
  });
  const contact =
    input.citizen || (report.contact && (report.contact.name || report.contact.email || report.contact.phone))
      ? {
          userId: input.citizen?.userId ?? null,
          name: report.contact?.name || null,
          email: report.contact?.email || input.citizen?.email || null,
          phone: report.contact?.phone || null,
          anonymous: report.contact?.anonymous ?? false,
          locale: report.locale,
        }
      : null;

  const stored = await storePhotos({ photos, storage: input.storage, now });
  const removeStored = stored.remove;

  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      const trackingCode = makeTrackingCode(cryptoRandom);
      // Training: staff practise the procedure; nothing leaves the platform (no e-mail, no Open311 forward).
      const notices = training
        ? { messages: [], permitMessages: [] }
        : await renderFilingNotices({
            trackingCode,
            category,
            address: report.address || null,
            dueAt,
            reporter: contact?.email ? { email: contact.email, locale: contact.locale } : null,
            owner,
            permits,
          });
      const filed = await writeFiledReport(db, {
        trackingCode,
        municipalityId,
        categoryId: category.id,
        districtId: routing.context.districtId,
        position,
        shape,
        address: report.address || null,
        description: report.description,
        answers: report.answers,
        mediaUrl: report.mediaUrl ?? null,
        channel: report.channel,
        ownerId: owner.id,
        routingNote: routing.organisationId === null ? routing.reason : null,
        dueAt,
        categoryIsPublic: category.is_public,
        screening,
        submissionKey: report.submissionKey ?? null,
        contact,
        photos: stored.rows(),
        // The staff member who took it (phone, counter, field); none for a citizen's own report.
        actor: {
          userId: input.filedBy?.userId ?? null,
          organisationId: input.filedBy?.organisationId ?? null,
        },
        internalNote: routing.organisationId === null ? `routing: ${routing.reason}` : null,
        messages: notices.messages,
        forwardToOrganisationId: training ? null : owner.id,
        permitIds: permits.map((p) => p.id),
        permitMessages: notices.permitMessages,
        endsScope: input.endsScope ?? false,
        now,
      });
      if (filed !== null) {
        return {
          id: filed.id,
          trackingCode,
          status: "received",
          dueAt,
          assignedOrganisationId: owner.id,
          routingReason: routing.reason,
          created: true,
        };
      }
      // Nothing written: the submission key (a concurrent retry) or, rarely, the tracking code was taken.
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

/** The created event's messages and the linked permits' notices, each with its recipient's key part. */
async function renderFilingNotices(input: {
  trackingCode: string;
  category: FilingCategory;
  address: string | null;
  dueAt: Date;
  reporter: Recipient | null;
  owner: { email: string | null; kind: string };
  permits: LinkablePermit[];
}): Promise<Pick<FiledReportRows, "messages" | "permitMessages">> {
  const subject = {
    trackingCode: input.trackingCode,
    categoryName: input.category.name,
    address: input.address,
    dueAt: input.dueAt,
  };
  const messages = (
    await renderCreatedMessages({ report: subject, reporter: input.reporter, owner: input.owner })
  ).map((m) => ({ ...m, who: recipientHash(m.recipient) }));
  const permitMessages: FiledReportRows["permitMessages"] = [];
  for (const permit of input.permits) {
    const rendered = await renderReportLinkedMessages({
      permit: {
        reference: permit.reference,
        kind: permit.kind,
        status: permit.status,
        decisionDueAt: permit.decision_due_at === null ? null : new Date(permit.decision_due_at),
        contractorEmail: permit.contractor_email,
        organisationEmail: permit.organisation_email,
      },
      applicant: permit.applicant,
      report: { trackingCode: input.trackingCode, categoryName: input.category.name },
    });
    for (const m of rendered)
      permitMessages.push({
        ...m,
        permitId: permit.id,
        reference: permit.reference,
        who: recipientHash(m.recipient),
      });
  }
  return { messages, permitMessages };
}

function keyedReport(row: KeyedReport): FiledReport {
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    status: row.status as t.Report["status"],
    dueAt: new Date(row.due_at),
    assignedOrganisationId: row.assigned_organisation_id,
    routingReason: (row.routing_note as RoutingReason | null) ?? "service_area",
    created: false,
  };
}

async function findBySubmissionKey(db: Database, key: string): Promise<FiledReport | null> {
  const row = await queryOne<KeyedReport>(
    db,
    sql`select id, tracking_code, status, due_at, assigned_organisation_id, routing_note from reports where submission_key = ${key}`,
  );
  return row ? keyedReport(row) : null;
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
