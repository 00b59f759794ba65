import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as act } from "../../../app/api/staff/reports/[id]/actions/route";
import { GET as bundle } from "../../../app/api/staff/field/bundle/route";
import { getDb } from "../../../db/client";
import { queryOne } from "../../../db/query";
import * as t from "../../../db/schema";
import { loadSessionUser, type SessionUser } from "../../../lib/auth/staff-user";
import { fileReport } from "../../../lib/reports/file-report";
import type { FieldBundle } from "../../../lib/reports/get-field-bundle";
import { engine } from "../../helpers/engine";
import { jpegPhoto } from "../../helpers/images";
import { sessionCookie, staffRequest } from "../../helpers/session";
import { buildWorkflowWorld } from "../../helpers/world";

/** A staff action as the field app's offline queue sends it: JSON or multipart, with its key. */
function action(
  reportId: number,
  cookie: string,
  body: unknown,
  key?: string,
  photos: Buffer[] = [],
): NextRequest {
  const headers = new Headers({ host: "localhost", origin: "http://localhost", cookie });
  if (key !== undefined) headers.set("idempotency-key", key);
  let payload: BodyInit = JSON.stringify(body);
  if (photos.length > 0) {
    const form = new FormData();
    form.set("data", JSON.stringify(body));
    for (const p of photos)
      form.append("photos", new Blob([new Uint8Array(p)], { type: "image/jpeg" }), "work.jpg");
    payload = form;
  } else headers.set("content-type", "application/json");
  return new NextRequest(`http://localhost/api/staff/reports/${reportId}/actions?lang=en`, {
    method: "POST",
    headers,
    body: payload,
  });
}

const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

describe(`the field app's offline support on the ${engine} engine`, () => {
  let world: Awaited<ReturnType<typeof buildWorkflowWorld>>;
  let crew: SessionUser;
  let cookie: string;

  beforeAll(async () => {
    world = await buildWorkflowWorld({ west: 21.1, south: 44.1 });
    const db = await getDb();
    const [u] = await db
      .insert(t.users)
      .values({ email: `crew-${Date.now()}@utility.example`, name: "Ekipa Jedan", locale: "en" })
      .returning();
    await db.insert(t.memberships).values({
      userId: u!.id,
      municipalityId: world.municipality.id,
      organisationId: world.water.id,
      role: "utility_operator",
    });
    crew = (await loadSessionUser(db, u!.id))!;
    cookie = await sessionCookie(crew);
  });

  async function counts(reportId: number) {
    return (await queryOne<{ version: number; events: number; photos: number; receipts: number }>(
      await getDb(),
      sql`select r.version,
                 (select count(*)::int from report_events e where e.report_id = r.id) as events,
                 (select count(*)::int from attachments a where a.report_id = r.id) as photos,
                 (select count(*)::int from staff_action_receipts k where k.report_id = r.id) as receipts
          from reports r where r.id = ${reportId}`,
    ))!;
  }

  it("applies an action sent twice with one key once, and answers the repeat with the report as it is", async () => {
    const db = await getDb();
    const filed = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: world.inside, description: "curi voda" },
    });
    const before = await counts(filed.id);
    const key = crypto.randomUUID();
    const body = {
      expectedVersion: before.version,
      action: { type: "transition", to: "in_progress", internalNote: "Ekipa na licu mesta." },
    };
    const first = await act(action(filed.id, cookie, body, key), params(filed.id));
    expect(first.status).toBe(200);
    expect(first.headers.get("idempotency-replayed")).toBeNull();
    const after = await counts(filed.id);
    expect(after.version).toBe(before.version + 1);
    // The answer was lost on the way to the phone; it sends the same action again with the old version.
    const again = await act(action(filed.id, cookie, body, key), params(filed.id));
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotency-replayed")).toBe("true");
    expect((await again.json()).status).toBe("in_progress");
    expect(await counts(filed.id)).toEqual(after);
  });

  it("keeps no second copy of the photos of a repeated action", async () => {
    const db = await getDb();
    const filed = await fileReport({
      db,
      report: {
        serviceCode: world.category.serviceCode,
        position: world.inside,
        description: "slomljen poklopac",
      },
    });
    const photo = await jpegPhoto();
    const key = crypto.randomUUID();
    const body = {
      expectedVersion: (await counts(filed.id)).version,
      action: { type: "note", internalNote: "Slika stanja." },
    };
    expect((await act(action(filed.id, cookie, body, key, [photo]), params(filed.id))).status).toBe(200);
    const after = await counts(filed.id);
    expect(after.photos).toBe(1);
    expect((await act(action(filed.id, cookie, body, key, [photo]), params(filed.id))).status).toBe(200);
    expect(await counts(filed.id)).toEqual(after);
  });

  it("refuses a key used for another report, and a malformed key, changing nothing", async () => {
    const db = await getDb();
    const a = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: world.inside, description: "prva" },
    });
    const b = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: world.inside, description: "druga" },
    });
    const key = crypto.randomUUID();
    const note = (v: number) => ({
      expectedVersion: v,
      action: { type: "note", internalNote: "Pregledano." },
    });
    expect(
      (await act(action(a.id, cookie, note((await counts(a.id)).version), key), params(a.id))).status,
    ).toBe(200);
    const beforeB = await counts(b.id);
    const reused = await act(action(b.id, cookie, note(beforeB.version), key), params(b.id));
    expect(reused.status).toBe(422);
    expect((await reused.json()).error.message).toMatch(/already used/);
    const malformed = await act(action(b.id, cookie, note(beforeB.version), "kratak"), params(b.id));
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.message).toMatch(/idempotency key/);
    expect(await counts(b.id)).toEqual(beforeB);
  });

  it("answers a queued action on a report that changed meanwhile with 409 and the current state", async () => {
    const db = await getDb();
    const filed = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: world.inside, description: "promenjeno" },
    });
    const seen = (await counts(filed.id)).version;
    // The desk resolves it while the crew is out of coverage.
    const desk = await act(
      action(filed.id, cookie, { expectedVersion: seen, action: { type: "transition", to: "in_progress" } }),
      params(filed.id),
    );
    expect(desk.status).toBe(200);
    const before = await counts(filed.id);
    const queued = await act(
      action(
        filed.id,
        cookie,
        { expectedVersion: seen, action: { type: "note", internalNote: "Kasnim." } },
        crypto.randomUUID(),
      ),
      params(filed.id),
    );
    expect(queued.status).toBe(409);
    const error = (await queued.json()).error;
    expect(error.details.currentVersion).toBe(before.version);
    expect(error.details.status).toBe("in_progress");
    expect(await counts(filed.id)).toEqual({ ...before, receipts: before.receipts });
  });

  it("bundles the crew's reports nearest first with their staff view, categories and map tiles", async () => {
    const db = await getDb();
    // Away from the earlier reports, which all stand at the same point.
    const [x, y] = [world.inside[0] + 0.03, world.inside[1]];
    const near = await fileReport({
      db,
      report: { serviceCode: world.category.serviceCode, position: [x + 0.0005, y], description: "blizu" },
    });
    const res = await bundle(staffRequest(`/api/staff/field/bundle?lng=${x}&lat=${y}&lang=en`, { cookie }), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const body = (await res.json()) as FieldBundle;
    expect(body.items[0]!.code).toBe(near.trackingCode);
    const report = body.reports[near.id]!;
    expect(report.code).toBe(near.trackingCode);
    expect(report.version).toBeGreaterThanOrEqual(1);
    expect(report.description).toBe("blizu");
    expect(report.canNote).toBe(true);
    expect(Object.keys(body.reports)).toHaveLength(body.items.length);
    expect(body.categories.flatMap((g) => g.categories.map((c) => c.serviceCode))).toContain(
      world.category.serviceCode,
    );
    expect(body.tiles.some((tile) => tile.z === 16)).toBe(true);
    // Another utility's crew gets none of these reports.
    const [other] = await db
      .insert(t.users)
      .values({ email: `roads-${Date.now()}@utility.example`, name: "Putari", locale: "en" })
      .returning();
    await db.insert(t.memberships).values({
      userId: other!.id,
      municipalityId: world.municipality.id,
      organisationId: world.roads.id,
      role: "utility_operator",
    });
    const theirs = await bundle(
      staffRequest(`/api/staff/field/bundle?lang=en`, {
        cookie: await sessionCookie((await loadSessionUser(db, other!.id))!),
      }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(((await theirs.json()) as FieldBundle).items.map((i) => i.code)).not.toContain(near.trackingCode);
  });
});
