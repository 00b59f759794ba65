import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv from "ajv";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as catalogueRoute } from "../../../app/api/open-data/catalog/route";
import { GET as ckanRoute } from "../../../app/api/3/action/[action]/route";
import { getDb } from "../../../db/client";
import { resetEnvCache } from "../../../lib/env";
import { generateOpenData } from "../../../lib/open-data/datasets";
import { fileReport } from "../../../lib/reports/file-report";
import { dcatApShape } from "../../fixtures/dcat-ap-shape";
import { engine } from "../../helpers/engine";
import { buildWorkflowWorld } from "../../helpers/world";

const ckan = async (action: string, query = "") => {
  const res = await ckanRoute(new NextRequest(new URL(`http://localhost/api/3/action/${action}${query}`)), {
    params: Promise.resolve({ action }),
  });
  return { status: res.status, body: (await res.json()) as { success: boolean; result: never } };
};

describe(`the open-data catalogue for harvesters (${engine} engine)`, () => {
  beforeAll(async () => {
    process.env.OPEN_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "civic-catalogue-"));
    resetEnvCache();
    const world = await buildWorkflowWorld({ west: 19.7, south: 44.1 });
    for (let i = 0; i < 3; i++) {
      await fileReport({
        db: await getDb(),
        report: {
          serviceCode: world.category.serviceCode,
          position: world.inside,
          description: `Katalog ${i}`,
        },
      });
    }
    await generateOpenData(await getDb());
  });

  it("publishes a DCAT-AP JSON-LD catalogue with licence, publisher, frequency and coverage", async () => {
    const res = await catalogueRoute(new NextRequest(new URL("http://localhost/api/open-data/catalog")), {
      params: Promise.resolve({}),
    });
    expect(res.headers.get("content-type")).toContain("application/ld+json");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const doc = await res.json();
    const ajv = new Ajv({ allErrors: true, strict: false });
    const valid = ajv.validate(dcatApShape, doc);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const reports = doc["dcat:dataset"].find(
      (d: { "dct:identifier": string }) => d["dct:identifier"] === "reports",
    );
    expect(reports["dct:temporal"]["dcat:startDate"]["@value"]).toMatch(/^\d{4}-/);
    expect(reports["dct:spatial"]["dcat:bbox"]["@value"]).toContain("19.7");
  });

  it("answers CKAN's package_list and package_show the way a CKAN harvester reads them", async () => {
    const list = await ckan("package_list");
    expect(list.body.success).toBe(true);
    expect(list.body.result).toEqual(["reports", "permits", "districts"]);
    const show = await ckan("package_show", "?id=reports");
    const pkg = show.body.result as {
      name: string;
      license_url: string;
      resources: Array<{ url: string; format: string }>;
      extras: Array<{ key: string; value: string }>;
    };
    expect(pkg.name).toBe("reports");
    expect(pkg.license_url).toBe("https://creativecommons.org/licenses/by/4.0/");
    expect(pkg.resources.map((r) => r.format).sort()).toEqual(["CSV", "GEOJSON"]);
    expect(JSON.parse(pkg.extras.find((e) => e.key === "spatial")!.value).type).toBe("Polygon");
    const missing = await ckan("package_show", "?id=users");
    expect(missing.status).toBe(404);
    expect(missing.body.success).toBe(false);
  });
});
