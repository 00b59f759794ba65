import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import * as t from "../../../db/schema";
import { defaultAnalyticsFilters, type AnalyticsFilters } from "../../../lib/analytics/filters";
import { countReportExport, streamReportExport } from "../../../lib/analytics/stream-report-export";
import { box, buildCategory, buildMunicipality, buildReport } from "../../helpers/builders";
import { engine } from "../../helpers/engine";

const ROWS = 100_000;
/** Stated bound: the heap retained while streaming 100,000 rows (about 15 MB of CSV) grows by less than this; a
 * materialised array of the rows would take several times the file size. */
const HEAP_GROWTH_BOUND_BYTES = 8 * 1024 * 1024;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

describe(`streaming exports of filtered reports on the ${engine} engine`, () => {
  let municipalityId: number;
  let bulkCategory: string;
  let smallCategory: string;
  const now = new Date("2026-11-20T12:00:00Z");
  const filters = (categories: string[]): AnalyticsFilters => ({
    ...defaultAnalyticsFilters(now),
    from: "2026-01-01",
    to: "2026-11-20",
    categories,
  });

  beforeAll(async () => {
    const db = await getDb();
    const municipality = await buildMunicipality({ boundary: box(24, 44, 24.1, 44.1) });
    municipalityId = municipality.id;
    const bulk = await buildCategory({ municipalityId });
    const small = await buildCategory({ municipalityId });
    bulkCategory = bulk.serviceCode;
    smallCategory = small.serviceCode;
    await db.execute(sql`
      insert into reports (tracking_code, municipality_id, category_id, location, description, status, channel, created_at)
      select 'EXP-' || i, ${municipalityId}, ${bulk.id},
             ST_SetSRID(ST_MakePoint(24 + (i % 1000) / 10000.0, 44 + (i / 1000) / 1000.0), 4326),
             'Gomila otpada pored puta, "kod mosta", broj ' || i, 'received', 'web',
             ${"2026-06-01T10:00:00Z"}::timestamptz + make_interval(secs => i)
      from generate_series(1, ${ROWS}) i`);
    await buildReport({
      municipalityId,
      categoryId: small.id,
      position: [24.05, 44.05],
      description: '=HYPERLINK("x")',
      contact: { name: "Petar Petrović", email: "petar@mail.example", phone: "+381 64 1234567" },
    });
    await buildReport({
      municipalityId,
      categoryId: small.id,
      position: [24.06, 44.06],
      status: "duplicate",
    });
    await db
      .update(t.reports)
      .set({ createdAt: new Date("2026-10-01T10:00:00Z") })
      .where(sql`municipality_id = ${municipalityId} and category_id = ${small.id}`);
  }, 180_000);

  it(`streams ${ROWS.toLocaleString("en")} rows of CSV with the heap growing less than ${HEAP_GROWTH_BOUND_BYTES / 1024 / 1024} MB`, async () => {
    const db = await getDb();
    expect(await countReportExport({ db, municipalityId, filters: filters([bulkCategory]) })).toBe(ROWS);
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peakGrowth = 0;
    let bytes = 0;
    let lines = 0;
    let chunks = 0;
    let lastLine = "";
    const reader = streamReportExport({
      db,
      municipalityId,
      filters: filters([bulkCategory]),
      format: "csv",
      locale: "en",
    }).getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const text = decoder.decode(value);
      lines += text.split("\r\n").length - 1;
      if (text.trim()) lastLine = text.trimEnd().split("\r\n").pop()!;
      if (++chunks % 5 === 0) {
        gc();
        peakGrowth = Math.max(peakGrowth, process.memoryUsage().heapUsed - baseline);
      }
    }
    console.info(
      `[export] ${lines} lines, ${(bytes / 1e6).toFixed(1)} MB in ${chunks} chunks; peak retained heap growth ${(peakGrowth / 1e6).toFixed(2)} MB`,
    );
    expect(lines).toBe(ROWS + 1);
    expect(bytes).toBeGreaterThan(HEAP_GROWTH_BOUND_BYTES);
    expect(lastLine).toContain(`EXP-${ROWS}`);
    expect(peakGrowth).toBeLessThan(HEAP_GROWTH_BOUND_BYTES);
  }, 240_000);

  it("never includes reporter contact, leaves duplicates out and defuses spreadsheet formulas", async () => {
    const db = await getDb();
    const csv = await new Response(
      streamReportExport({
        db,
        municipalityId,
        filters: filters([smallCategory]),
        format: "csv",
        locale: "en",
      }),
    ).text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      "tracking_code,created_at,category,category_name,status,priority,channel,organisation,district,address,description,longitude,latitude,due_at,resolved_at,closed_at,supporters,shape_wkt",
    );
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/Petrovi|petar@|1234567/);

    const geojson = JSON.parse(
      await new Response(
        streamReportExport({
          db,
          municipalityId,
          filters: filters([smallCategory]),
          format: "geojson",
          locale: "en",
        }),
      ).text(),
    ) as {
      type: string;
      features: Array<{ geometry: { coordinates: number[] }; properties: Record<string, unknown> }>;
    };
    expect(geojson.type).toBe("FeatureCollection");
    expect(geojson.features).toHaveLength(1);
    expect(geojson.features[0]!.geometry.coordinates).toEqual([24.05, 44.05]);
    expect(geojson.features[0]!.properties).toMatchObject({
      category: smallCategory,
      category_name: "Water leak",
      status: "received",
    });
    expect(JSON.stringify(geojson)).not.toMatch(/Petrovi|petar@|1234567/);
  });

  it("writes a valid empty collection and a header-only CSV when nothing matches", async () => {
    const db = await getDb();
    const none = filters(["no-such-category"]);
    expect(
      JSON.parse(
        await new Response(
          streamReportExport({ db, municipalityId, filters: none, format: "geojson", locale: "en" }),
        ).text(),
      ),
    ).toEqual({ type: "FeatureCollection", features: [] });
    expect(
      (
        await new Response(
          streamReportExport({ db, municipalityId, filters: none, format: "csv", locale: "en" }),
        ).text()
      ).split("\r\n"),
    ).toHaveLength(2);
  });
});
