import { beforeAll, describe, expect, it } from "vitest";
import { GET as staffReportRoute } from "../../../app/api/staff/reports/[id]/route";
import { GET as callersRoute } from "../../../app/api/staff/callers/route";
import { getDb } from "../../../db/client";
import type { SessionUser } from "../../../lib/auth/staff-user";
import { searchContactViews } from "../../../lib/privacy/log-contact-view";
import { buildReport } from "../../helpers/builders";
import { engine } from "../../helpers/engine";
import { sessionCookie, staffRequest } from "../../helpers/session";
import { buildWorkflowWorld } from "../../helpers/world";
import { buildStaff } from "../moderation/moderation-helpers";

const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

describe(`staff views of a reporter's contact are logged on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  let agent: SessionUser;
  let withContact: { id: number; trackingCode: string };
  let withoutContact: { id: number; trackingCode: string };

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 19.8, south: 45.2 });
    agent = await buildStaff({
      municipalityId: world.municipality.id,
      organisationId: world.contactCentre.id,
      role: "agent",
      name: "Jelena Pregledač",
    });
    withContact = await buildReport({
      municipalityId: world.municipality.id,
      categoryId: world.category.id,
      position: world.inside,
      contact: { name: "Stevan Prijavić", email: "stevan.prijavic@mail.example", phone: "+381 63 5556667" },
    });
    withoutContact = await buildReport({
      municipalityId: world.municipality.id,
      categoryId: world.category.id,
      position: world.inside,
    });
  });

  it("logs who saw whose contact, when and through which screen, and admins find it by person, report and period", async () => {
    const cookie = await sessionCookie(agent);
    const before = new Date(Date.now() - 1000);
    for (const report of [withContact, withoutContact]) {
      const res = await staffReportRoute(
        staffRequest(`/api/staff/reports/${report.id}`, { cookie }),
        ctx({ id: String(report.id) }),
      );
      expect(res.status).toBe(200);
    }
    const res = await callersRoute(
      staffRequest(`/api/staff/callers?q=stevan.prijavic@mail.example`, { cookie }),
      ctx({}),
    );
    expect((await res.json()).reports).toHaveLength(1);

    const db = await getDb();
    const municipalityIds = [world.municipality.id];
    const byPerson = await searchContactViews({ db, municipalityIds, user: "pregledač" });
    expect(byPerson.map((v) => [v.reportCode, v.screen, v.user])).toEqual([
      [withContact.trackingCode, "intake_caller_history", "Jelena Pregledač"],
      [withContact.trackingCode, "staff_report_api", "Jelena Pregledač"],
    ]);
    expect(new Date(byPerson[1]!.viewedAt).getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(
      await searchContactViews({ db, municipalityIds, reportCode: withoutContact.trackingCode }),
    ).toEqual([]);
    expect(
      await searchContactViews({ db, municipalityIds, reportCode: withContact.trackingCode.toLowerCase() }),
    ).toHaveLength(2);
    expect(await searchContactViews({ db, municipalityIds, from: new Date(Date.now() + 60_000) })).toEqual(
      [],
    );
    expect(await searchContactViews({ db, municipalityIds: [world.municipality.id + 10_000] })).toEqual([]);
  });
});
