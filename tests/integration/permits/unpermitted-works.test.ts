import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import type { SessionUser } from "../../../lib/auth/staff-user";
import { changePermitStatus } from "../../../lib/permits/change-permit-status";
import { registerPermit } from "../../../lib/permits/register-permit";
import { fileReport } from "../../../lib/reports/file-report";
import { listStaffQueue } from "../../../lib/reports/list-staff-queue";
import { box } from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { sessionUserOf } from "../../helpers/session";
import { buildWorkflowWorld } from "../../helpers/world";

const now = new Date("2026-11-20T09:00:00Z");

describe(`works without a covering permit on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  let desk: SessionUser;

  beforeAll(async () => {
    const db = await getDb();
    world = await buildWorkflowWorld({ west: 20.3, south: 43.3 });
    desk = sessionUserOf({
      id: world.lead.id,
      memberships: [
        { role: "agent", organisationId: world.contactCentre.id, municipalityId: world.municipality.id },
      ],
    });
    // The works category's rule: uncovered works are raised to "high".
    await db.execute(
      sql`update service_categories set checks_permit_coverage = true, unpermitted_priority = 'high'
          where id = ${world.category.id}`,
    );
    const registered = await registerPermit({
      db,
      channel: "office",
      now,
      application: {
        kind: "excavation",
        holderName: "Vodovod Morava d.o.o.",
        contractor: "Iskop Plus d.o.o.",
        contractorEmail: "gradiliste@iskop.example",
        worksDescription: "Zamena cevi",
        site: box(20.35, 43.35, 20.3506, 43.3504),
        validFrom: "2026-11-01",
        validTo: "2027-01-31",
        applicant: { name: "Vodovod Morava d.o.o.", email: "dozvole@vodovod.example" },
      },
    });
    let version = 1;
    for (const to of ["under_review", "granted", "active"] as const) {
      version = (
        await changePermitStatus({
          db,
          permitId: registered.id,
          expectedVersion: version,
          to,
          actorUserId: world.lead.id,
          municipalityIds: [world.municipality.id],
          now,
        })
      ).version;
    }
  });

  it("raises uncovered works by the category's rule and flags them in the queue; covered works are left alone and their holder and contractor hear of them", async () => {
    const db = await getDb();
    const file = (position: [number, number]) =>
      fileReport({
        db,
        now,
        report: { serviceCode: world.category.serviceCode, position, description: "Raskopan trotoar." },
      });
    const covered = await file([20.3503, 43.3502]);
    const uncovered = await file([20.38, 43.38]);
    const priorities = await queryRows<{ id: number; priority: string }>(
      db,
      sql`select id, priority::text as priority from reports where id in (${covered.id}, ${uncovered.id}) order by id`,
    );
    expect(priorities).toEqual([
      { id: covered.id, priority: "normal" },
      { id: uncovered.id, priority: "high" },
    ]);

    const queue = await listStaffQueue({ db, user: desk, scope: "all", locale: "en", now });
    const flag = (id: number) => queue.find((i) => i.id === id)?.unpermitted;
    expect(flag(covered.id)).toBe(false);
    expect(flag(uncovered.id)).toBe(true);
    const only = await listStaffQueue({
      db,
      user: desk,
      scope: "all",
      locale: "en",
      now,
      unpermittedOnly: true,
    });
    expect(only.map((i) => i.id)).toEqual([uncovered.id]);

    const outbox = await queryOne<{ recipients: string[] }>(
      db,
      sql`select array_agg(recipient order by recipient) as recipients from outbox_messages
          where template = 'permit_report_linked' and body like ${`%${covered.trackingCode}%`}`,
    );
    expect(outbox!.recipients).toEqual(
      expect.arrayContaining(["dozvole@vodovod.example", "gradiliste@iskop.example"]),
    );
  });
});
