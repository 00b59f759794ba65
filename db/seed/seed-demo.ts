import "server-only";
import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";
import { booleanPointInPolygon } from "@turf/turf";
import { eq, sql } from "drizzle-orm";
import type { MultiPolygon, Polygon, Position } from "geojson";
import type { Database } from "../client";
import { queryRows } from "../query";
import * as t from "../schema";
import { computeDueAt, localDate } from "../../lib/calendar/working-days";
import { gaussian, pick, pickWeighted, seededRandom } from "../../lib/random";
import { makeTrackingCode } from "../../lib/reports/tracking-code";
import { foldForSearch } from "../../lib/i18n/transliterate";
import type { LocalizedText } from "../../lib/i18n/config";
import { sr } from "./localized";
import { routeReport } from "../../lib/routing/route-report";
import type { ReportStatus } from "../../lib/workflow/states";
import {
  categorySeeds,
  companyNames,
  districtSeeds,
  groupSeeds,
  landmarkSeeds,
  streetSeeds,
  municipality,
  organisationSeeds,
  personFirstNames,
  personLastNames,
  userSeeds,
  type CategorySeed,
} from "./cuprija";
import { transaction } from "../transaction";

export type SeedOptions = {
  /** The day the demo is "today": reports span the 12 months before it. */
  today?: Date;
  reportCount?: number;
  permitCount?: number;
  seed?: number;
  /** Create the Open311 client with the published demo key (embedded demo database only). */
  demoApiKey?: boolean;
};

/** The demo Open311 key, printed in the README; created only in the embedded demo database. */
export const DEMO_OPEN311_KEY = "demo-open311-key";

export type SeedResult = { created: boolean; reports: number; permits: number };

const DAY_MS = 86_400_000;

/**
 * Seeds the demo municipality (Ćuprija) with organisations, categories, users, reports with
 * their audit trail, and permit sites. Deterministic for a given seed and day. The whole seed is
 * one transaction and does nothing when the municipality already exists, so running it twice
 * changes nothing.
 */
export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const today = options.today ?? new Date();
  const random = seededRandom(options.seed ?? 20_261_121);
  const reportCount = options.reportCount ?? 500;
  const permitCount = options.permitCount ?? 30;
  const passwordHashes = await Promise.all(userSeeds.map((u) => bcrypt.hash(u.password, 10)));

  return transaction(db, async (tx) => {
    const existing = await tx
      .select({ id: t.municipalities.id })
      .from(t.municipalities)
      .where(eq(t.municipalities.code, municipality.code));
    if (existing.length > 0) return { created: false, reports: 0, permits: 0 };

    const boundary: MultiPolygon = { type: "MultiPolygon", coordinates: [[municipality.boundary]] };
    const [m] = await tx
      .insert(t.municipalities)
      .values({
        code: municipality.code,
        name: municipality.name,
        boundary,
        boundarySource: municipality.boundarySource,
      })
      .returning({ id: t.municipalities.id });
    const municipalityId = m!.id;

    await insertDistricts(tx, municipalityId);
    await insertGazetteer(tx, municipalityId);
    const orgIds = await insertOrganisations(tx, municipalityId);
    const categoryIds = await insertCategories(tx, municipalityId);
    const userIds = await insertUsers(tx, municipalityId, orgIds, passwordHashes);

    const reports = await insertReports(tx, {
      municipalityId,
      boundary: { type: "Polygon", coordinates: [municipality.boundary] },
      orgIds,
      categoryIds,
      userIds,
      random,
      today,
      count: reportCount,
    });
    await linkDemoCitizen(tx, { municipalityId, userId: userIds.get("citizen@cuprija.example")! });
    const permits = await insertPermits(tx, { municipalityId, orgIds, random, today, count: permitCount });
    await insertModerationAndConsultation(tx, {
      municipalityId,
      today,
      permitOfficerId: userIds.get("permits@cuprija.example")!,
    });
    if (options.demoApiKey) {
      await tx
        .insert(t.apiClients)
        .values({
          name: "Demo Open311 client",
          keyHash: createHash("sha256").update(DEMO_OPEN311_KEY).digest("hex"),
        })
        .onConflictDoNothing();
    }
    return { created: true, reports, permits };
  });
}

/**
 * Ćuprija reads every citizen's comment before it is public (pre-moderation), and the permits
 * office has one open consultation on a permit's works, with two comments, one answered.
 */
async function insertModerationAndConsultation(
  tx: Database,
  input: { municipalityId: number; today: Date; permitOfficerId: number },
) {
  await tx.insert(t.moderationSettings).values({
    municipalityId: input.municipalityId,
    heldWords: [],
    commentModeration: "pre",
  });
  const [permit] = await queryRows<{ id: number }>(
    tx,
    // A permitted works site (construction when there is one), so the consultation has a place on the map.
    sql`select id from permits where municipality_id = ${input.municipalityId}
          and status in ('granted', 'active')
        order by (kind = 'construction') desc, id limit 1`,
  );
  const [site] = permit
    ? await tx.select({ site: t.permits.site }).from(t.permits).where(eq(t.permits.id, permit.id))
    : [];
  const day = (offset: number) => localDate(new Date(input.today.getTime() + offset * DAY_MS));
  const openedAt = new Date(input.today.getTime() - 7 * DAY_MS);
  const [consultation] = await tx
    .insert(t.consultations)
    .values({
      municipalityId: input.municipalityId,
      permitId: permit?.id ?? null,
      title: "Uređenje pešačke zone u centru Ćuprije",
      question:
        "Opština planira novo popločanje, klupe i drvored u pešačkoj zoni. Šta je za vas najvažnije i šta biste promenili?",
      description:
        "Radovi bi trajali oko tri meseca. Za to vreme prolaz bi ostao otvoren uz jednu stranu ulice.",
      site: site?.site ?? null,
      status: "open",
      opensOn: day(-7),
      closesOn: day(30),
      createdByUserId: input.permitOfficerId,
      createdAt: openedAt,
      openedAt,
      updatedAt: openedAt,
    })
    .returning({ id: t.consultations.id });
  await tx.insert(t.consultationComments).values([
    {
      consultationId: consultation!.id,
      municipalityId: input.municipalityId,
      body: "Molim da se sačuvaju postojeće lipe i doda više klupa u hladu.",
      state: "published",
      theme: "Drveće i klupe",
      createdAt: new Date(input.today.getTime() - 5 * DAY_MS),
      answer: "Hvala. Postojeće lipe ostaju, a broj klupa povećavamo sa 12 na 20.",
      answeredByUserId: input.permitOfficerId,
      answeredAt: new Date(input.today.getTime() - 3 * DAY_MS),
    },
    {
      consultationId: consultation!.id,
      municipalityId: input.municipalityId,
      body: "Potrebna je rampa za kolica i bicikle na oba kraja zone.",
      state: "published",
      theme: "Pristupačnost",
      createdAt: new Date(input.today.getTime() - 2 * DAY_MS),
    },
  ]);
}

/**
 * The demo citizen's "My reports": they filed a handful of public reports (one open, one being
 * worked on, one resolved lately — to answer "fixed?" — and so on) and follow and support others.
 */
async function linkDemoCitizen(tx: Database, input: { municipalityId: number; userId: number }) {
  const email = "citizen@cuprija.example";
  const pick = async (statuses: string[], count: number, exclude: number[]) =>
    queryRows<{ id: number }>(
      tx,
      sql`select r.id from public_reports r
          where r.municipality_id = ${input.municipalityId}
            and r.status::text in ${statuses} and r.id not in ${[0, ...exclude]}
          order by r.resolved_at desc nulls last, r.created_at desc, r.id limit ${count}`,
    );
  const filed = [
    ...(await pick(["resolved"], 1, [])),
    ...(await pick(["received", "triaged", "assigned"], 2, [])),
    ...(await pick(["in_progress", "action_scheduled"], 1, [])),
    ...(await pick(["closed"], 1, [])),
  ].map((r) => r.id);
  if (filed.length > 0)
    await tx.execute(
      sql`update report_contacts set user_id = ${input.userId}, email = ${email}, name = 'Petar Građanin', anonymous = false
          where report_id in ${filed}`,
    );
  const followed = (await pick(["received", "triaged", "assigned", "in_progress"], 3, filed)).map(
    (r) => r.id,
  );
  for (const [i, reportId] of followed.entries())
    await tx.insert(t.reportFollowers).values({
      reportId,
      municipalityId: input.municipalityId,
      email,
      userId: input.userId,
      supported: i === 0,
    });
}

async function insertDistricts(tx: Database, municipalityId: number): Promise<void> {
  // Voronoi cells of the district anchors, clipped to the municipal boundary.
  const anchors = districtSeeds.map((d) => `${d.anchor[0]} ${d.anchor[1]}`).join(",");
  const cells = await queryRows<{ anchor_index: number; area: string }>(
    tx,
    sql`with anchors as (
          select path[1] - 1 as anchor_index, geom
          from ST_Dump(ST_GeomFromText(${`MULTIPOINT(${anchors})`}, 4326))
        ),
        cells as (
          select (ST_Dump(ST_VoronoiPolygons(ST_Collect(geom)))).geom as cell from anchors
        ),
        boundary as (select boundary from municipalities where id = ${municipalityId})
        select a.anchor_index::int as anchor_index,
               ST_AsGeoJSON(ST_Multi(ST_CollectionExtract(ST_Intersection(ST_SetSRID(c.cell, 4326), b.boundary), 3))) as area
        from cells c join anchors a on ST_Contains(ST_SetSRID(c.cell, 4326), a.geom), boundary b`,
  );
  const values = cells.map((cell) => {
    const seed = districtSeeds[cell.anchor_index]!;
    return {
      municipalityId,
      code: seed.code,
      name: seed.name,
      population: seed.population,
      area: JSON.parse(cell.area) as MultiPolygon,
    };
  });
  await tx.insert(t.districts).values(values);
}

async function insertGazetteer(tx: Database, municipalityId: number): Promise<void> {
  const entry = (
    kind: "street" | "place" | "landmark",
    name: LocalizedText,
    geom: t.GazetteerEntry["geom"],
  ) => ({
    municipalityId,
    kind,
    name,
    searchKey: foldForSearch(name["sr-Latn"]),
    geom,
  });
  await tx
    .insert(t.gazetteer)
    .values([
      entry("place", municipality.name, { type: "Point", coordinates: municipality.centre }),
      ...districtSeeds.map((d) => entry("place", d.name, { type: "Point", coordinates: d.anchor })),
      ...streetSeeds.map((s) =>
        entry("street", sr(s.name, s.name), { type: "LineString", coordinates: s.line }),
      ),
      ...landmarkSeeds.map((l) => entry("landmark", l.name, { type: "Point", coordinates: l.position })),
    ]);
  await insertAddressPoints(tx, municipalityId);
}

/**
 * A few address points on the first demo street (Karađorđeva), so the geocoder's `address`
 * precision shows: odd numbers on the west side, even on the east, a plot (~20 m) apart from the
 * street's southern end. Other numbers and streets are interpolated.
 */
async function insertAddressPoints(tx: Database, municipalityId: number): Promise<void> {
  const street = streetSeeds[0]!;
  const [[x, y0]] = street.line as [[number, number]];
  const numbers = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "10a", "11", "12"];
  await tx.insert(t.addressPoints).values(
    numbers.map((number) => {
      const n = parseInt(number, 10);
      const plot = Math.ceil(n / 2) - 0.5 + (number.endsWith("a") ? 0.5 : 0);
      return {
        municipalityId,
        street: street.name,
        streetKey: foldForSearch(street.name),
        number,
        numberKey: number,
        geom: {
          type: "Point" as const,
          coordinates: [
            Math.round((x + (n % 2 === 0 ? 0.00012 : -0.00012)) * 1e6) / 1e6,
            Math.round((y0 + plot * 0.00018) * 1e6) / 1e6,
          ],
        },
        importId: "demo",
      };
    }),
  );
}

async function insertOrganisations(tx: Database, municipalityId: number): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const org of organisationSeeds) {
    const [row] = await tx
      .insert(t.organisations)
      .values({
        municipalityId,
        code: org.code,
        kind: org.kind,
        sector: org.sector,
        name: org.name,
        email: org.email,
        phone: org.phone,
      })
      .returning({ id: t.organisations.id });
    ids.set(org.code, row!.id);
    if (org.serviceDistricts) {
      await tx.execute(
        sql`update organisations set service_area = (
              select ST_Multi(ST_Union(area)) from districts
              where municipality_id = ${municipalityId} and code in ${org.serviceDistricts}
            ) where id = ${row!.id}`,
      );
    }
  }
  return ids;
}

async function insertCategories(tx: Database, municipalityId: number): Promise<Map<string, number>> {
  const groupIds = new Map<string, number>();
  for (const [index, group] of groupSeeds.entries()) {
    const [row] = await tx
      .insert(t.categoryGroups)
      .values({ municipalityId, code: group.code, name: group.name, sortOrder: index })
      .returning({ id: t.categoryGroups.id });
    groupIds.set(group.code, row!.id);
  }
  const rows = await tx
    .insert(t.serviceCategories)
    .values(
      categorySeeds.map((c, index) => ({
        municipalityId,
        groupId: groupIds.get(c.group)!,
        serviceCode: c.code,
        name: c.name,
        description: c.description,
        responsibleKind: c.kind,
        responsibleSector: c.sector,
        slaWorkingDays: c.slaWorkingDays,
        pauseSlaWhenScheduled: c.pauseSlaWhenScheduled ?? false,
        duplicateRadiusMetres: c.duplicateRadiusMetres,
        questions: c.questions ?? [],
        locationPrecisionMetres: c.locationPrecisionMetres ?? null,
        isPublic: c.isPublic ?? true,
        checksPermitCoverage: c.checksPermitCoverage ?? false,
        unpermittedPriority: c.unpermittedPriority ?? null,
        sortOrder: index,
      })),
    )
    .returning({ id: t.serviceCategories.id, code: t.serviceCategories.serviceCode });
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function insertUsers(
  tx: Database,
  municipalityId: number,
  orgIds: Map<string, number>,
  passwordHashes: string[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [index, user] of userSeeds.entries()) {
    const [row] = await tx
      .insert(t.users)
      .values({ email: user.email, name: user.name, passwordHash: passwordHashes[index]! })
      .onConflictDoUpdate({ target: t.users.email, set: { name: user.name } })
      .returning({ id: t.users.id });
    ids.set(user.email, row!.id);
    await tx
      .insert(t.memberships)
      .values({
        userId: row!.id,
        municipalityId,
        organisationId: user.organisation ? orgIds.get(user.organisation)! : null,
        role: user.role as (typeof t.userRole.enumValues)[number],
        isLead: user.isLead ?? false,
      })
      .onConflictDoNothing();
  }
  return ids;
}

type ReportPlan = {
  trackingCode: string;
  category: CategorySeed;
  position: Position;
  address: string;
  description: string;
  channel: (typeof t.reportChannel.enumValues)[number];
  createdAt: Date;
  target: ReportStatus;
  contact: { name: string | null; email: string | null; phone: string | null; anonymous: boolean };
};

/** Status a report of this age has reached, drawn so that old reports are mostly finished. */
function drawTargetStatus(random: () => number, ageDays: number): ReportStatus {
  if (ageDays < 3)
    return pickWeighted(random, [
      ["received", 4],
      ["triaged", 1],
      ["assigned", 4],
      ["in_progress", 2],
    ] as const);
  if (ageDays < 30)
    return pickWeighted(random, [
      ["assigned", 3],
      ["in_progress", 4],
      ["action_scheduled", 2],
      ["resolved", 4],
      ["closed", 2],
      ["rejected", 1],
      ["duplicate", 1],
    ] as const);
  return pickWeighted(random, [
    ["assigned", 1],
    ["in_progress", 1],
    ["action_scheduled", 1],
    ["resolved", 3],
    ["closed", 14],
    ["rejected", 1],
    ["duplicate", 1],
    ["reopened", 1],
  ] as const);
}

export function planReports(input: {
  random: () => number;
  today: Date;
  count: number;
  boundary: Polygon;
}): ReportPlan[] {
  const { random, today } = input;
  const town = districtSeeds.filter((d) => d.urban);
  const villages = districtSeeds.filter((d) => !d.urban);
  const weights = categorySeeds.map((c) => [c, c.weight] as const);
  const plans: ReportPlan[] = [];
  const codes = new Set<string>();
  // A stream of its own, so the dumping spots below leave every other report exactly as before.
  const spotRandom = seededRandom(7_919);
  while (plans.length < input.count) {
    const urban = random() < 0.7;
    const district = pick(random, urban ? town : villages);
    const anchor = district.anchor;
    const spreadDeg = urban ? 0.0045 : 0.006;
    const position: Position = [
      round6(anchor[0] + gaussian(random) * spreadDeg * 1.4),
      round6(anchor[1] + gaussian(random) * spreadDeg),
    ];
    if (!booleanPointInPolygon(position, input.boundary)) continue;
    let trackingCode = makeTrackingCode(random);
    while (codes.has(trackingCode)) trackingCode = makeTrackingCode(random);
    codes.add(trackingCode);
    const category = pickWeighted(random, weights);
    const ageDays = Math.floor(random() ** 1.7 * 365);
    const createdAt = new Date(today.getTime() - ageDays * DAY_MS);
    createdAt.setUTCHours(
      6 + Math.floor(random() * 13),
      Math.floor(random() * 60),
      Math.floor(random() * 60),
      0,
    );
    if (createdAt > today) createdAt.setTime(today.getTime() - 3_600_000);
    // Illegal dumping recurs at a few spots; the one by the river in Ada is growing (more of the
    // recent reports are there), so the analytics workspace has a real hotspot and trend to find.
    const spot = category.code === "illegal_dumping" ? pickDumpingSpot(spotRandom, ageDays) : null;
    if (spot) {
      position[0] = round6(spot[0] + gaussian(spotRandom) * 0.00035);
      position[1] = round6(spot[1] + gaussian(spotRandom) * 0.00025);
    }
    const street = urban ? nearestStreet(position) : null;
    const address = street
      ? `${street} ${1 + Math.floor(random() * 120)}`
      : spot
        ? `${nearestStreet(position)} ${1 + Math.floor(spotRandom() * 120)}`
        : `${district.name["sr-Latn"]} bb`;
    const detail = pick(random, descriptionDetails);
    const anonymous = random() < 0.2;
    const first = pick(random, personFirstNames);
    const last = pick(random, personLastNames);
    plans.push({
      trackingCode,
      category,
      position,
      address,
      description: `${category.name["sr-Latn"]}, ${address}. ${detail}`,
      channel: pickWeighted(random, [
        ["web", 55],
        ["phone", 25],
        ["counter", 8],
        ["email", 5],
        ["field", 7],
      ] as const),
      createdAt,
      target: drawTargetStatus(random, ageDays),
      contact: anonymous
        ? { name: null, email: null, phone: null, anonymous: true }
        : {
            name: `${first} ${last}`,
            email: `${ascii(first)}.${ascii(last)}${Math.floor(random() * 90) + 10}@mail.example`,
            phone:
              random() < 0.7
                ? `+381 6${Math.floor(random() * 10)} ${100_000 + Math.floor(random() * 899_999)}`
                : null,
            anonymous: false,
          },
    });
  }
  return plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Where illegal dumping recurs in the demo: the Ada riverbank (growing) and a field south of town (steady). */
const dumpingSpots = { adaRiverbank: [21.3835, 43.9335], southField: [21.3625, 43.9118] } as const;

function pickDumpingSpot(random: () => number, ageDays: number): readonly [number, number] | null {
  const draw = random();
  if (draw < (ageDays < 270 ? 0.7 : 0.3)) return dumpingSpots.adaRiverbank;
  if (draw > 0.85) return dumpingSpots.southField;
  return null;
}

const descriptionDetails = [
  "Problem traje više od nedelju dana.",
  "Opasno je za decu koja tuda idu u školu.",
  "Molim da se reši što pre.",
  "Primetila sam jutros, ranije nije bilo.",
  "Već sam prijavio telefonom, bez reakcije.",
  "Stanari iz zgrade su se žalili više puta.",
  "Noću je posebno opasno jer je mrak.",
  "Nalazi se kod autobuske stanice.",
];

/** The path through the standard procedure from `received` to the target status. */
function pathTo(target: ReportStatus, routed: boolean): ReportStatus[] {
  const toAssigned: ReportStatus[] = routed ? ["assigned"] : ["triaged", "assigned"];
  switch (target) {
    case "received":
      return [];
    case "triaged":
      return ["triaged"];
    case "assigned":
      return toAssigned;
    case "in_progress":
      return [...toAssigned, "in_progress"];
    case "action_scheduled":
      return [...toAssigned, "action_scheduled"];
    case "resolved":
      return [...toAssigned, "in_progress", "resolved"];
    case "closed":
      return [...toAssigned, "in_progress", "resolved", "closed"];
    case "reopened":
      return [...toAssigned, "in_progress", "resolved", "reopened"];
    case "rejected":
      return ["triaged", "rejected"];
    case "duplicate":
      return ["duplicate"];
  }
}

const publicTexts: Partial<Record<ReportStatus, string>> = {
  in_progress: "Ekipa je izašla na teren.",
  resolved: "Problem je otklonjen. Hvala na prijavi.",
  rejected: "Prijava nije u nadležnosti opštine; prosleđena je nadležnom organu.",
  reopened: "Prijava je ponovo otvorena jer problem nije rešen.",
};

async function insertReports(
  tx: Database,
  input: {
    municipalityId: number;
    boundary: Polygon;
    orgIds: Map<string, number>;
    categoryIds: Map<string, number>;
    userIds: Map<string, number>;
    random: () => number;
    today: Date;
    count: number;
  },
): Promise<number> {
  const { random, municipalityId } = input;
  const plans = planReports({ random, today: input.today, count: input.count, boundary: input.boundary });
  const agentId = input.userIds.get("agent@cuprija.example")!;
  const contactCentreId = input.orgIds.get("contact-centre")!;
  const staffByOrg = new Map<number, number>();
  for (const user of userSeeds) {
    if (user.organisation && user.role !== "org_admin") {
      staffByOrg.set(input.orgIds.get(user.organisation)!, input.userIds.get(user.email)!);
    }
  }
  const filed: Array<{ id: number; plan: ReportPlan }> = [];
  const escalatedReports: Array<{ id: number; at: Date }> = [];

  for (const plan of plans) {
    const routing = await routeReport({
      db: tx,
      municipalityId,
      responsibleKind: plan.category.kind,
      responsibleSector: plan.category.sector,
      position: plan.position,
    });
    // An agent settles what routing could not: the first organisation of the responsible kind.
    const fallbackOrgId = organisationSeeds.find(
      (o) => o.kind === plan.category.kind && o.sector === plan.category.sector,
    );
    const ownerId = routing.organisationId ?? input.orgIds.get(fallbackOrgId!.code)!;
    let original: { id: number; plan: ReportPlan } | undefined;
    let target = plan.target;
    if (target === "duplicate") {
      original = findNearbyEarlier(filed, plan);
      if (!original) target = "closed";
    }
    const steps = pathTo(target, routing.organisationId !== null);

    // Timeline: each step a few hours to days after the previous one.
    let clock = plan.createdAt.getTime();
    const limit = input.today.getTime();
    const stepTimes = steps.map(() => {
      clock = Math.min(limit, clock + (2 + random() * 70) * 3_600_000);
      return new Date(clock);
    });
    const scheduledFor =
      target === "action_scheduled"
        ? localDate(new Date(Math.max(limit, clock) + (2 + Math.floor(random() * 20)) * DAY_MS))
        : null;
    // Every report has an owner from the start: the routed organisation, or the contact centre's triage.
    const initialOwnerId = routing.organisationId ?? contactCentreId;
    const currentOwnerId = steps.includes("assigned") ? ownerId : initialOwnerId;
    const resolvedAt = steps.includes("resolved") ? stepTimes[steps.indexOf("resolved")]! : null;
    const closedAt = steps.includes("closed") ? stepTimes[steps.indexOf("closed")]! : null;
    const updatedAt = stepTimes[stepTimes.length - 1] ?? plan.createdAt;

    const [row] = await tx
      .insert(t.reports)
      .values({
        trackingCode: plan.trackingCode,
        municipalityId,
        categoryId: input.categoryIds.get(plan.category.code)!,
        districtId: routing.context.districtId,
        location: { type: "Point", coordinates: plan.position },
        address: plan.address,
        description: plan.description,
        status: target,
        priority:
          plan.category.slaWorkingDays <= 2
            ? "high"
            : pickWeighted(random, [
                ["normal", 8],
                ["low", 2],
              ] as const),
        channel: plan.channel,
        assignedOrganisationId: currentOwnerId,
        assignedUserId: steps.includes("in_progress") ? (staffByOrg.get(ownerId) ?? null) : null,
        routingNote: routing.organisationId === null ? routing.reason : null,
        dueAt: computeDueAt({ createdAt: plan.createdAt, slaWorkingDays: plan.category.slaWorkingDays }),
        scheduledFor,
        duplicateOfId: original?.id ?? null,
        supportersCount: target === "duplicate" || target === "closed" ? 0 : Math.floor(random() ** 3 * 6),
        isPublic: plan.category.isPublic ?? true,
        version: 1 + steps.length,
        createdAt: plan.createdAt,
        updatedAt,
        resolvedAt,
        closedAt,
      })
      .returning({ id: t.reports.id });
    const reportId = row!.id;
    filed.push({ id: reportId, plan });

    await tx.insert(t.reportContacts).values({
      reportId,
      municipalityId,
      name: plan.contact.name,
      email: plan.contact.email,
      phone: plan.contact.phone,
      anonymous: plan.contact.anonymous,
      locale: "sr-Latn",
    });

    const events: t.NewReportEvent[] = [
      {
        reportId,
        municipalityId,
        kind: "created",
        toStatus: "received",
        toOrganisationId: initialOwnerId,
        internalNote: routing.organisationId === null ? `routing: ${routing.reason}` : null,
        createdAt: plan.createdAt,
      },
    ];
    let from: ReportStatus = "received";
    for (const [index, to] of steps.entries()) {
      const at = stepTimes[index]!;
      const byStaff =
        to === "triaged" ||
        to === "rejected" ||
        to === "duplicate" ||
        (to === "assigned" && !routing.organisationId);
      const actorUserId = byStaff ? agentId : (staffByOrg.get(ownerId) ?? null);
      const actorOrganisationId = byStaff ? contactCentreId : ownerId;
      if (to === "assigned") {
        events.push({
          reportId,
          municipalityId,
          kind: "assigned",
          actorUserId,
          actorOrganisationId,
          fromStatus: from,
          toStatus: to,
          toOrganisationId: ownerId,
          publicText: "Prijava je prosleđena nadležnoj službi.",
          createdAt: at,
        });
      } else if (to === "duplicate") {
        events.push({
          reportId,
          municipalityId,
          kind: "duplicate_marked",
          actorUserId,
          actorOrganisationId,
          fromStatus: from,
          toStatus: to,
          publicText: `Isti problem je već prijavljen: ${original!.plan.trackingCode}.`,
          createdAt: at,
        });
      } else {
        events.push({
          reportId,
          municipalityId,
          kind: "status_changed",
          actorUserId,
          actorOrganisationId,
          fromStatus: from,
          toStatus: to,
          publicText:
            to === "action_scheduled" ? `Radovi su planirani za ${scheduledFor}.` : (publicTexts[to] ?? null),
          internalNote:
            to === "rejected"
              ? "Nije u nadležnosti opštine (državni put); prosleđeno JP Putevi Srbije."
              : null,
          createdAt: at,
        });
      }
      from = to;
    }
    // Still open when its service standard ran out: escalated then, as the worker would have done.
    const dueAt = computeDueAt({ createdAt: plan.createdAt, slaWorkingDays: plan.category.slaWorkingDays });
    const handledBy = events.find(
      (e) => e.toStatus === "resolved" || e.toStatus === "rejected" || e.toStatus === "duplicate",
    );
    if (dueAt < input.today && (!handledBy || handledBy.createdAt! > dueAt)) {
      const at = new Date(dueAt.getTime() + 60_000);
      const statusThen =
        [...events].reverse().find((e) => e.createdAt! <= at && e.toStatus)?.toStatus ?? "received";
      events.push({
        reportId,
        municipalityId,
        kind: "escalated",
        fromStatus: statusThen,
        toOrganisationId: currentOwnerId,
        internalNote: "Service standard exceeded",
        createdAt: at,
      });
      events.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
      escalatedReports.push({ id: reportId, at });
    }
    await tx.insert(t.reportEvents).values(events);
  }

  for (const escalated of escalatedReports) {
    await tx
      .update(t.reports)
      .set({ escalatedAt: escalated.at, version: sql`${t.reports.version} + 1` })
      .where(eq(t.reports.id, escalated.id));
  }

  // Supporters who joined a report later marked as its duplicate belong to the original.
  await tx.execute(
    sql`update reports r set supporters_count = r.supporters_count + d.n
        from (select duplicate_of_id as id, count(*)::int as n from reports
              where municipality_id = ${municipalityId} and duplicate_of_id is not null group by duplicate_of_id) d
        where r.id = d.id`,
  );
  return filed.length;
}

function findNearbyEarlier(
  filed: Array<{ id: number; plan: ReportPlan }>,
  plan: ReportPlan,
): { id: number; plan: ReportPlan } | undefined {
  const radiusDeg = 400 / 111_000;
  for (let i = filed.length - 1; i >= 0; i--) {
    const other = filed[i]!;
    if (other.plan.category.code !== plan.category.code || other.plan.target === "duplicate") continue;
    const dx = (other.plan.position[0]! - plan.position[0]!) * Math.cos((plan.position[1]! * Math.PI) / 180);
    const dy = other.plan.position[1]! - plan.position[1]!;
    if (Math.hypot(dx, dy) < radiusDeg) return other;
  }
  return undefined;
}

async function insertPermits(
  tx: Database,
  input: {
    municipalityId: number;
    orgIds: Map<string, number>;
    random: () => number;
    today: Date;
    count: number;
  },
): Promise<number> {
  const { random, today } = input;
  const town = districtSeeds.filter((d) => d.urban);
  const urbanismId = input.orgIds.get("urbanism")!;
  const roadsDepartmentId = input.orgIds.get("roads-department")!;
  const values: t.NewPermit[] = [];
  for (let i = 0; i < input.count; i++) {
    const kind = pickWeighted(random, [
      ["construction", 3],
      ["excavation", 4],
      ["street_occupancy", 3],
      ["event", 1],
    ] as const);
    const anchor = pick(random, town).anchor;
    const centre: Position = [anchor[0] + gaussian(random) * 0.006, anchor[1] + gaussian(random) * 0.004];
    const site = rectangle(centre, 15 + random() * 60, 8 + random() * 25, random() * Math.PI);
    const startOffsetDays = Math.floor(-180 + random() * 240);
    const durationDays = kind === "event" ? 1 + Math.floor(random() * 3) : 7 + Math.floor(random() * 110);
    const validFrom = new Date(today.getTime() + startOffsetDays * DAY_MS);
    const validTo = new Date(validFrom.getTime() + (durationDays - 1) * DAY_MS);
    const started = validFrom <= today;
    const ended = validTo < today;
    const status: t.Permit["status"] = ended
      ? pickWeighted(random, [
          ["completed", 9],
          ["revoked", 1],
        ] as const)
      : started
        ? "active"
        : pickWeighted(random, [
            ["granted", 5],
            ["under_review", 2],
            ["applied", 1],
            ["refused", 1],
          ] as const);
    const company = random() < 0.8;
    const holderName = company
      ? pick(random, companyNames)
      : `${pick(random, personFirstNames)} ${pick(random, personLastNames)}`;
    const contractor = kind === "event" ? null : pick(random, companyNames.slice(0, 6));
    values.push({
      municipalityId: input.municipalityId,
      reference: `${kind === "excavation" || kind === "street_occupancy" ? "344" : "351"}-${String(i + 1).padStart(3, "0")}/${validFrom.getUTCFullYear()}-IV`,
      kind,
      status,
      issuingOrganisationId: kind === "construction" ? urbanismId : roadsDepartmentId,
      holderName,
      holderIsCompany: company,
      contractor,
      // Holder and contractor hear of reports at their site (demo addresses, never delivered).
      contractorEmail: contractor ? `gradiliste@${mailSlug(contractor)}.example` : null,
      worksDescription: permitWorks[kind],
      site: { type: "MultiPolygon", coordinates: [site.coordinates] },
      validFrom: localDate(validFrom),
      validTo: localDate(validTo),
      createdAt: new Date(validFrom.getTime() - 20 * DAY_MS),
      updatedAt: new Date(Math.min(today.getTime(), validFrom.getTime())),
    });
  }
  const inserted = await tx
    .insert(t.permits)
    .values(values)
    .returning({ id: t.permits.id, status: t.permits.status, createdAt: t.permits.createdAt });
  if (inserted.length > 0)
    await tx.insert(t.permitApplicants).values(
      inserted.map((p, i) => {
        const holder = values[i]!;
        return {
          permitId: p.id,
          name: holder.holderName,
          email: holder.holderIsCompany
            ? `dozvole@${mailSlug(holder.holderName)}.example`
            : `${mailSlug(holder.holderName).replace("-", ".")}@mail.example`,
          locale: "sr-Latn",
        };
      }),
    );
  if (inserted.length > 0)
    await tx.insert(t.permitEvents).values(
      inserted.map((p) => ({
        permitId: p.id,
        kind: "registered" as const,
        toStatus: p.status,
        createdAt: p.createdAt,
      })),
    );
  return values.length;
}

/** A name as the ASCII part of a demo e-mail address: "Gradnja Ćuprija d.o.o." → "gradnja-cuprija-d-o-o". */
function mailSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/đ/g, "dj")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const permitWorks: Record<t.Permit["kind"], string> = {
  construction: "Izgradnja stambenog objekta",
  excavation: "Raskopavanje radi polaganja vodovodne i kablovske mreže",
  street_occupancy: "Zauzeće javne površine: skela i kontejner za šut",
  event: "Javni skup: gradska manifestacija",
};

/** A rotated rectangle around a centre, sizes in metres. */
function rectangle(centre: Position, lengthMetres: number, widthMetres: number, angle: number): Polygon {
  const metresPerDegLat = 111_320;
  const metresPerDegLng = metresPerDegLat * Math.cos((centre[1]! * Math.PI) / 180);
  const corners: Array<[number, number]> = [
    [-lengthMetres / 2, -widthMetres / 2],
    [lengthMetres / 2, -widthMetres / 2],
    [lengthMetres / 2, widthMetres / 2],
    [-lengthMetres / 2, widthMetres / 2],
  ];
  const ring = corners.map(([x, y]) => {
    const rx = x * Math.cos(angle) - y * Math.sin(angle);
    const ry = x * Math.sin(angle) + y * Math.cos(angle);
    return [round6(centre[0]! + rx / metresPerDegLng), round6(centre[1]! + ry / metresPerDegLat)];
  });
  return { type: "Polygon", coordinates: [[...ring, ring[0]!]] };
}

/** The demo street closest to a point (town reports get a street address). */
function nearestStreet(position: Position): string {
  let best = { name: streetSeeds[0]!.name, d: Infinity };
  const k = Math.cos((position[1]! * Math.PI) / 180);
  for (const street of streetSeeds) {
    const [[x1, y1], [x2, y2]] = street.line as [[number, number], [number, number]];
    const px = (position[0]! - x1) * k;
    const py = position[1]! - y1;
    const dx = (x2 - x1) * k;
    const dy = y2 - y1;
    const u = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
    const d = Math.hypot(px - u * dx, py - u * dy);
    if (d < best.d) best = { name: street.name, d };
  }
  return best.name;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function ascii(text: string): string {
  return text
    .toLowerCase()
    .replace(/đ/g, "dj")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "");
}
