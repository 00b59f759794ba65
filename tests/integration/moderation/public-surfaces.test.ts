import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as open311Resource } from "../../../app/open311/v2/[resource]/route";
import { GET as open311Request } from "../../../app/open311/v2/requests/[id]/route";
import { GET as ogcItems } from "../../../app/api/ogc/collections/[collectionId]/items/route";
import { GET as tileRoute } from "../../../app/api/tiles/[layer]/[z]/[x]/[y]/route";
import { GET as reportsRoute } from "../../../app/api/reports/route";
import { getDb } from "../../../db/client";
import type { SessionUser } from "../../../lib/auth/staff-user";
import { resetEnvCache } from "../../../lib/env";
import { moderateReport } from "../../../lib/moderation/moderate-report";
import { datasetIds, datasetPath, generateOpenData } from "../../../lib/open-data/datasets";
import { fileReport } from "../../../lib/reports/file-report";
import { findDuplicateCandidates } from "../../../lib/reports/find-duplicate-candidates";
import { getPublicReport } from "../../../lib/reports/get-public-report";
import { getStaffReport } from "../../../lib/reports/get-staff-report";
import { listStaffQueue } from "../../../lib/reports/list-staff-queue";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";
import { buildStaff } from "./moderation-helpers";

const get = (url: string) => new NextRequest(new URL(url, "http://localhost"));
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

function tileOf(lng: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [
    Math.floor(((lng + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  ];
}

const original = "Mirko Tajnović iz broja 7 baca šut";
const redacted = "Neko baca građevinski šut";

/**
 * A hidden report is in no public output (map API, tiles, Open311, OGC, open data, the public page,
 * the tracking lookup, duplicate candidates) and stays for staff; a redacted description is public
 * in its new form everywhere while staff keep the original.
 */
describe(`moderated reports in every public output on the ${engine} engine`, () => {
  const outputs: Array<[string, string]> = [];
  const position: [number, number] = [20.5123, 44.0123];
  let hidden = "";
  let edited = "";
  let control = "";
  let hiddenId = 0;
  let desk: SessionUser;

  beforeAll(async () => {
    process.env.OPEN_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "civic-moderation-"));
    resetEnvCache();
    const world = await buildWorkflowWorld({ west: 20.45, south: 43.95 });
    const db = await getDb();
    desk = await buildStaff({
      municipalityId: world.municipality.id,
      organisationId: world.contactCentre.id,
      role: "agent",
    });
    const file = async (description: string, i: number) =>
      fileReport({
        db,
        report: {
          serviceCode: world.category.serviceCode,
          position: [position[0] + i * 0.0002, position[1]],
          description,
        },
      });
    const a = await file("Uvredljiv tekst koji treba sakriti", 0);
    const b = await file(original, 1);
    const c = await file("Običan kvar na cevi", 2);
    [hidden, edited, control, hiddenId] = [a.trackingCode, b.trackingCode, c.trackingCode, a.id];
    await moderateReport({
      db,
      moderator: desk,
      reportId: a.id,
      step: { type: "hide_report", reason: "offensive" },
    });
    await moderateReport({
      db,
      moderator: desk,
      reportId: b.id,
      step: { type: "redact_report", reason: "personal_data", description: redacted },
    });

    const bbox = "20.45,43.95,20.55,44.05";
    const jurisdiction = world.municipality.code;
    const text = async (name: string, res: Response | Promise<Response>) => {
      const response = await res;
      expect(response.status, name).toBe(200);
      outputs.push([name, Buffer.from(await response.arrayBuffer()).toString("utf8")]);
    };
    await text("api reports", reportsRoute(get(`/api/reports?bbox=${bbox}`), ctx({})));
    for (const format of ["json", "xml"]) {
      await text(
        `open311 requests.${format}`,
        open311Resource(
          get(`/open311/v2/requests.${format}?jurisdiction_id=${jurisdiction}`),
          ctx({ resource: `requests.${format}` }),
        ),
      );
      await text(
        `open311 request ${edited}.${format}`,
        open311Request(
          get(`/open311/v2/requests/${edited}.${format}?jurisdiction_id=${jurisdiction}`),
          ctx({ id: `${edited}.${format}` }),
        ),
      );
      const single = await open311Request(
        get(`/open311/v2/requests/${hidden}.${format}?jurisdiction_id=${jurisdiction}`),
        ctx({ id: `${hidden}.${format}` }),
      );
      expect(single.status, `open311 request ${hidden}.${format}`).toBe(404);
    }
    await text(
      "ogc reports",
      ogcItems(get(`/api/ogc/collections/reports/items?bbox=${bbox}`), ctx({ collectionId: "reports" })),
    );
    for (const z of [14, 16]) {
      const [x, y] = tileOf(position[0], position[1], z);
      const res = await tileRoute(
        get(`/api/tiles/reports/${z}/${x}/${y}.mvt`),
        ctx({ layer: "reports", z: String(z), x: String(x), y: `${y}.mvt` }),
      );
      outputs.push([`tile ${z}`, Buffer.from(await res.arrayBuffer()).toString("latin1")]);
    }
    await generateOpenData(db);
    for (const id of datasetIds)
      for (const format of ["geojson", "csv"] as const)
        outputs.push([`open data ${id}.${format}`, fs.readFileSync(datasetPath(id, format), "utf8")]);
    for (const code of [edited, control])
      outputs.push([
        `public report ${code}`,
        JSON.stringify(await getPublicReport({ db, code, locale: "sr-Latn" })),
      ]);
    outputs.push([
      "duplicate candidates",
      JSON.stringify(
        await findDuplicateCandidates({
          db,
          municipalityId: world.municipality.id,
          serviceCode: world.category.serviceCode,
          position,
          locale: "sr-Latn",
        }),
      ),
    ]);
  });

  it("shows the unmoderated report in the outputs that list reports (so the checks below can fail)", () => {
    const listing = outputs.filter(([name]) =>
      /api reports|requests\.|ogc|tile 16|open data reports|duplicate/.test(name),
    );
    expect(listing.length).toBeGreaterThanOrEqual(6);
    for (const [name, body] of listing) expect(body, name).toContain(control);
  });

  it("leaves the hidden report out of every public output and lookup", async () => {
    for (const [name, body] of outputs) expect(body, `${name} contains ${hidden}`).not.toContain(hidden);
    const db = await getDb();
    expect(await getPublicReport({ db, code: hidden, locale: "en" })).toBeNull();
  });

  it("keeps the hidden report in the staff queue and the staff view", async () => {
    const db = await getDb();
    const queue = await listStaffQueue({ db, user: desk, scope: "all", locale: "en", search: hidden });
    expect(queue.map((q) => q.code)).toContain(hidden);
    expect((await getStaffReport({ db, id: hiddenId, user: desk, locale: "en" }))?.code).toBe(hidden);
  });

  it("publishes the redacted description wherever the description is public, never the original", () => {
    for (const [name, body] of outputs) expect(body, name).not.toContain("Tajnović");
    const withText = outputs.filter(
      ([name]) => name.startsWith("open311 request") || name === `public report ${edited}`,
    );
    expect(withText.length).toBe(5);
    for (const [name, body] of withText) expect(body, name).toContain(redacted);
  });
});
