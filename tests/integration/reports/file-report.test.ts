import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import { AppError } from "../../../lib/errors";
import { fileReport } from "../../../lib/reports/file-report";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";
import { jpegPhoto } from "../../helpers/images";

async function counts() {
  return queryOne<{ reports: number; events: number; outbox: number }>(
    await getDb(),
    sql`select (select count(*)::int from reports) as reports, (select count(*)::int from report_events) as events,
               (select count(*)::int from outbox_messages) as outbox`,
  );
}

describe(`filing a report on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 22.3, south: 42.3 });
  });

  it("routes it, sets its due date in working days, opens its audit trail and queues the receipts", async () => {
    const filed = await fileReport({
      db: await getDb(),
      now: new Date("2026-11-20T09:00:00Z"), // Friday
      report: {
        serviceCode: world.category.serviceCode,
        position: world.inside,
        description: "Voda izbija iz asfalta.",
        contact: { name: "Ana Anić", email: "Ana.Anic@mail.example" },
        locale: "sr-Cyrl",
      },
    });
    expect(filed).toMatchObject({
      created: true,
      status: "received",
      assignedOrganisationId: world.water.id,
      routingReason: "municipality_wide",
    });
    expect(filed.trackingCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    // Two working days after Friday: Tuesday 24 November, end of day in Belgrade.
    expect(filed.dueAt.toISOString()).toBe("2026-11-24T22:59:59.999Z");
    const db = await getDb();
    const events = await queryRows<{ kind: string; to_status: string; to_organisation_id: number }>(
      db,
      sql`select kind, to_status, to_organisation_id from report_events where report_id = ${filed.id}`,
    );
    expect(events).toEqual([{ kind: "created", to_status: "received", to_organisation_id: world.water.id }]);
    const messages = await queryRows<{ recipient: string; subject: string; template: string }>(
      db,
      sql`select recipient, subject, template from outbox_messages where payload->>'reportId' = ${String(filed.id)} order by recipient`,
    );
    expect(messages).toEqual([
      {
        recipient: "ana.anic@mail.example",
        subject: `Пријава ${filed.trackingCode} је примљена`,
        template: "report_received",
      },
      {
        recipient: `water-${world.municipality.code}@utility.example`,
        subject: expect.stringContaining(filed.trackingCode),
        template: "organisation_assigned",
      },
    ]);
  });

  it("creates exactly one report for 20 concurrent submissions with one key", async () => {
    const db = await getDb();
    const submissionKey = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        fileReport({
          db,
          report: {
            serviceCode: world.category.serviceCode,
            position: world.inside,
            description: "Isto, ponovljeno.",
            submissionKey,
          },
        }),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const row = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from reports where submission_key = ${submissionKey}`,
    );
    expect(row!.n).toBe(1);
    const again = await fileReport({
      db,
      report: {
        serviceCode: world.category.serviceCode,
        position: world.inside,
        description: "Isto, ponovljeno.",
        submissionKey,
      },
    });
    expect(again).toMatchObject({ id: results[0]!.id, created: false });
  });

  it("refuses a point outside every served municipality, naming the nearest, and saves nothing", async () => {
    const before = await counts();
    const error = await fileReport({
      db: await getDb(),
      report: {
        serviceCode: world.category.serviceCode,
        position: [world.inside[0] + 0.3, world.inside[1]],
        description: "Van opštine.",
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "unprocessable", messageKey: "outsideServedAreaNearest" });
    expect((error as AppError).details).toMatchObject({
      nearest: expect.any(String),
      km: expect.any(Number),
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a category the municipality does not offer", async () => {
    const before = await counts();
    await expect(
      fileReport({
        db: await getDb(),
        report: { serviceCode: "no_such_service", position: world.inside, description: "x" },
      }),
    ).rejects.toMatchObject({ messageKey: "categoryNotOffered" });
    expect(await counts()).toEqual(before);
  });

  it("refuses a report with neither a description nor a photo, in the reader's language, and saves nothing", async () => {
    const before = await counts();
    await expect(
      fileReport({
        db: await getDb(),
        report: { serviceCode: world.category.serviceCode, position: world.inside, description: "   " },
      }),
    ).rejects.toMatchObject({ code: "unprocessable", messageKey: "descriptionOrPhotoRequired" });
    expect(await counts()).toEqual(before);
  });

  it("files a report whose photo says it all, with an empty description", async () => {
    const filed = await fileReport({
      db: await getDb(),
      report: { serviceCode: world.category.serviceCode, position: world.inside },
      photos: [await jpegPhoto()],
    });
    expect(filed.created).toBe(true);
    const row = await queryOne<{ description: string; photos: number }>(
      await getDb(),
      sql`select r.description, (select count(*)::int from attachments a where a.report_id = r.id) as photos
          from reports r where r.id = ${filed.id}`,
    );
    expect(row).toEqual({ description: "", photos: 1 });
  });

  it.each([
    ["a description over 4,000 characters", { description: "a".repeat(4_001) }],
    ["coordinates out of range", { position: [200, 95] }],
    ["a malformed email", { contact: { email: "not-an-email" } }],
    ["a submission key that is not a UUID", { submissionKey: "1234" }],
    ["a wrong type", { description: 42 }],
  ])("refuses %s with a validation error and saves nothing", async (_what, patch) => {
    const before = await counts();
    await expect(
      fileReport({
        db: await getDb(),
        report: {
          serviceCode: world.category.serviceCode,
          position: world.inside,
          description: "Opis.",
          ...patch,
        } as never,
      }),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await counts()).toEqual(before);
  });
});
