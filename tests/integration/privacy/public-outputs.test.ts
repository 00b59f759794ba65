import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as open311Resource } from "../../../app/open311/v2/[resource]/route";
import { GET as open311Request } from "../../../app/open311/v2/requests/[id]/route";
import { GET as ogcItems } from "../../../app/api/ogc/collections/[collectionId]/items/route";
import { GET as ogcItem } from "../../../app/api/ogc/collections/[collectionId]/items/[featureId]/route";
import { GET as tileRoute } from "../../../app/api/tiles/[layer]/[z]/[x]/[y]/route";
import { GET as permitsRoute } from "../../../app/api/permits/route";
import { GET as reportsRoute } from "../../../app/api/reports/route";
import { getDb } from "../../../db/client";
import * as t from "../../../db/schema";
import { resetEnvCache } from "../../../lib/env";
import { datasetIds, datasetPath, generateOpenData } from "../../../lib/open-data/datasets";
import { fileReport } from "../../../lib/reports/file-report";
import { findDuplicateCandidates } from "../../../lib/reports/find-duplicate-candidates";
import { getPublicReport } from "../../../lib/reports/get-public-report";
import { performReportAction } from "../../../lib/workflow/perform-report-action";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

/** Unique strings that exist only in contact fields and a private permit holder's name. */
const secrets = {
  name: "Zrinka Nevidljivković",
  email: "zrinka.nevidljiva.4471@mail.example",
  phone: "+381 63 7771234",
  holder: "Ljubomir Privatnićević",
};
const needles = [
  secrets.name,
  secrets.email,
  secrets.phone,
  "7771234",
  "Nevidljiv",
  secrets.holder,
  "Privatnićević",
];

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

/**
 * Reporters' names, emails and phones — and private permit holders' names — in no public output:
 * every public API, Open311 and OGC call, every tile zoom, the open-data files and the data of the
 * public report page, read as raw bytes so that no encoding hides them.
 */
describe(`no personal data in any public output on the ${engine} engine`, () => {
  const outputs: Array<[string, string]> = [];
  const position: [number, number] = [20.9123, 43.4123];
  let codes: string[] = [];

  beforeAll(async () => {
    process.env.OPEN_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "civic-privacy-"));
    resetEnvCache();
    const world = await buildWorkflowWorld({ west: 20.85, south: 43.35 });
    const db = await getDb();
    codes = [];
    for (const [i, anonymous] of [false, true].entries()) {
      const filed = await fileReport({
        db,
        report: {
          serviceCode: world.category.serviceCode,
          position: [position[0] + i * 0.0003, position[1]],
          description: "Curi voda kod česme.",
          contact: { ...secrets, anonymous },
        },
      });
      codes.push(filed.trackingCode);
    }
    // A public update, so the update feeds have something to show.
    const first = (
      await db
        .select()
        .from(t.reports)
        .where(sql`tracking_code = ${codes[0]}`)
    )[0]!;
    await performReportAction({
      db,
      reportId: first.id,
      expectedVersion: first.version,
      actor: world.actors.waterOperator,
      action: { type: "note", publicText: "Ekipa je obaveštena." },
    });
    await db.insert(t.permits).values({
      municipalityId: world.municipality.id,
      reference: "351-PRIV/2026",
      kind: "construction",
      status: "active",
      holderName: secrets.holder,
      holderIsCompany: false,
      worksDescription: "Dogradnja kuće",
      site: {
        type: "MultiPolygon",
        coordinates: [
          [
            [
              [20.91, 43.41],
              [20.915, 43.41],
              [20.915, 43.415],
              [20.91, 43.415],
              [20.91, 43.41],
            ],
          ],
        ],
      },
      validFrom: "2026-01-01",
      validTo: "2099-12-31",
    });

    const bbox = "20.85,43.35,20.95,43.45";
    const jurisdiction = world.municipality.code;
    const text = async (name: string, res: Response | Promise<Response>) => {
      const response = await res;
      expect(response.status, name).toBe(200);
      outputs.push([name, Buffer.from(await response.arrayBuffer()).toString("latin1")]);
    };
    await text("api reports", reportsRoute(get(`/api/reports?bbox=${bbox}`), ctx({})));
    await text("api permits", permitsRoute(get(`/api/permits?bbox=${bbox}`), ctx({})));
    for (const format of ["json", "xml"]) {
      await text(
        `open311 requests.${format}`,
        open311Resource(
          get(`/open311/v2/requests.${format}?jurisdiction_id=${jurisdiction}`),
          ctx({ resource: `requests.${format}` }),
        ),
      );
      await text(
        `open311 updates.${format}`,
        open311Resource(
          get(`/open311/v2/servicerequestupdates.${format}?jurisdiction_id=${jurisdiction}`),
          ctx({ resource: `servicerequestupdates.${format}` }),
        ),
      );
      for (const code of codes) {
        await text(
          `open311 request ${code}.${format}`,
          open311Request(
            get(`/open311/v2/requests/${code}.${format}?jurisdiction_id=${jurisdiction}`),
            ctx({ id: `${code}.${format}` }),
          ),
        );
      }
    }
    for (const collection of ["reports", "permits"]) {
      await text(
        `ogc ${collection}`,
        ogcItems(
          get(`/api/ogc/collections/${collection}/items?bbox=${bbox}`),
          ctx({ collectionId: collection }),
        ),
      );
    }
    await text(
      `ogc report ${codes[0]}`,
      ogcItem(
        get(`/api/ogc/collections/reports/items/${codes[0]}`),
        ctx({ collectionId: "reports", featureId: codes[0]! }),
      ),
    );
    for (const z of [6, 9, 11, 12, 14, 16]) {
      const [x, y] = tileOf(position[0], position[1], z);
      for (const layer of ["reports", "permits"]) {
        await text(
          `tile ${layer} ${z}`,
          tileRoute(
            get(`/api/tiles/${layer}/${z}/${x}/${y}.mvt`),
            ctx({ layer, z: String(z), x: String(x), y: `${y}.mvt` }),
          ),
        );
      }
    }
    await generateOpenData(db);
    for (const id of datasetIds)
      for (const format of ["geojson", "csv"] as const)
        outputs.push([`open data ${id}.${format}`, fs.readFileSync(datasetPath(id, format), "latin1")]);
    for (const code of codes)
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

  it("collected every output and found the reports in them", () => {
    expect(outputs.length).toBeGreaterThan(30);
    const withReports = outputs.filter(
      ([name]) =>
        !name.startsWith("tile") &&
        !name.includes("permits") &&
        !name.startsWith("open data permits") &&
        !name.startsWith("open data districts"),
    );
    for (const [name, body] of withReports)
      expect(
        body.includes(codes[0]!) ||
          body.includes("Curi voda") ||
          name.includes("updates") ||
          name.includes("duplicate"),
        name,
      ).toBe(true);
  });

  it("finds no reporter's name, email or phone and no private holder's name in any of them", () => {
    const utf8Needles = needles.flatMap((n) => [n, Buffer.from(n, "utf8").toString("latin1")]);
    for (const [name, body] of outputs)
      for (const needle of utf8Needles) expect(body, `${name} contains ${needle}`).not.toContain(needle);
  });
});
