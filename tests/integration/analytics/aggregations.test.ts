import { sql } from "drizzle-orm";
import type { Position } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import * as t from "../../../db/schema";
import { sr } from "../../../db/seed/localized";
import { countBacklogByAge } from "../../../lib/analytics/count-backlog-by-age";
import { countChannels } from "../../../lib/analytics/count-channels";
import { countReportsByDistrict } from "../../../lib/analytics/count-reports-by-district";
import { countVolume } from "../../../lib/analytics/count-volume";
import { buildMapLayer } from "../../../lib/analytics/build-map-layer";
import { defaultAnalyticsFilters, type AnalyticsFilters } from "../../../lib/analytics/filters";
import { findHotspots } from "../../../lib/analytics/find-hotspots";
import { measureContactCentre } from "../../../lib/analytics/measure-contact-centre";
import { measureKeyFigures } from "../../../lib/analytics/measure-key-figures";
import { measureOnTimeShare } from "../../../lib/analytics/measure-on-time-share";
import { measureResolutionTimes } from "../../../lib/analytics/measure-resolution-times";
import { computeDueAt, endOfLocalDay } from "../../../lib/calendar/working-days";
import {
  box,
  buildCategory,
  buildMunicipality,
  buildOrganisation,
  buildReport,
  multi,
} from "../../helpers/builders";
import { engine } from "../../helpers/engine";

const W = 23.0;
const S = 43.0;
const now = new Date("2026-11-20T12:00:00Z");
const HOUR = 3_600_000;

describe(`analytics aggregations on the ${engine} engine`, () => {
  let municipalityId: number;
  let contactCentreId: number;
  let waterId: number;
  let roadsId: number;
  const categories: Record<"district" | "resolution" | "onTime" | "dumping" | "desk", string> = {
    district: "",
    resolution: "",
    onTime: "",
    dumping: "",
    desk: "",
  };
  const categoryIds: Record<string, number> = {};

  const filters = (over: Partial<AnalyticsFilters>): AnalyticsFilters => ({
    ...defaultAnalyticsFilters(now),
    from: "2026-11-01",
    to: "2026-11-30",
    ...over,
  });

  /** A report of a category at a place, filed at a time, then shaped by raw updates (as the workflow would have left it). */
  async function report(input: {
    category: keyof typeof categories;
    at: Position;
    createdAt: Date;
    status?: t.Report["status"];
    resolvedAt?: Date | null;
    dueAt?: Date | null;
    organisationId?: number | null;
    channel?: t.Report["channel"];
  }) {
    const db = await getDb();
    const row = await buildReport({
      municipalityId,
      categoryId: categoryIds[input.category]!,
      position: input.at,
      status: input.status,
    });
    await db.execute(
      sql`update reports set created_at = ${input.createdAt.toISOString()}::timestamptz,
                             resolved_at = ${input.resolvedAt?.toISOString() ?? null}::timestamptz,
                             due_at = ${input.dueAt?.toISOString() ?? null}::timestamptz,
                             assigned_organisation_id = ${input.organisationId ?? null},
                             channel = ${input.channel ?? "web"}::report_channel
          where id = ${row.id}`,
    );
    return row.id;
  }

  beforeAll(async () => {
    const db = await getDb();
    const municipality = await buildMunicipality({ boundary: box(W, S, W + 0.1, S + 0.1) });
    municipalityId = municipality.id;
    // Two districts sharing the meridian W + 0.05; only the western one has a population.
    await db.insert(t.districts).values([
      {
        municipalityId,
        code: "a-west",
        name: sr("Zapad", "West"),
        area: multi(box(W, S, W + 0.05, S + 0.1)),
        population: 2000,
      },
      {
        municipalityId,
        code: "b-east",
        name: sr("Istok", "East"),
        area: multi(box(W + 0.05, S, W + 0.1, S + 0.1)),
        population: null,
      },
    ]);
    contactCentreId = (
      await buildOrganisation({ municipalityId, kind: "contact_centre", sector: null, code: "desk" })
    ).id;
    waterId = (await buildOrganisation({ municipalityId, sector: "water", code: "water" })).id;
    roadsId = (await buildOrganisation({ municipalityId, sector: "roads", code: "roads" })).id;
    for (const key of Object.keys(categories) as Array<keyof typeof categories>) {
      const category = await buildCategory({ municipalityId, slaWorkingDays: 2 });
      categories[key] = category.serviceCode;
      categoryIds[key] = category.id;
    }
    const nov = (day: number, hour = 9) => new Date(Date.UTC(2026, 10, day, hour - 1)); // local time (UTC+1) to UTC

    // District counts: 3 west, 2 east, 1 on the shared edge (goes west), 1 duplicate and 1 outside the period (neither counts).
    for (const at of [
      [W + 0.01, S + 0.01],
      [W + 0.02, S + 0.05],
      [W + 0.03, S + 0.09],
      [W + 0.07, S + 0.02],
      [W + 0.08, S + 0.08],
      [W + 0.05, S + 0.05],
    ]) {
      await report({ category: "district", at, createdAt: nov(3) });
    }
    await report({ category: "district", at: [W + 0.07, S + 0.03], createdAt: nov(4), status: "duplicate" });
    await report({
      category: "district",
      at: [W + 0.07, S + 0.03],
      createdAt: new Date("2026-10-15T10:00:00Z"),
    });

    // Resolution times in hours: 10, 20, 30, 40, 100 (median 30, p90 76), and one still open.
    for (const hours of [10, 20, 30, 40, 100]) {
      const created = nov(5);
      await report({
        category: "resolution",
        at: [W + 0.02, S + 0.02],
        createdAt: created,
        status: "resolved",
        resolvedAt: new Date(created.getTime() + hours * HOUR),
        organisationId: waterId,
      });
    }
    await report({
      category: "resolution",
      at: [W + 0.02, S + 0.02],
      createdAt: nov(5),
      status: "in_progress",
      organisationId: waterId,
    });

    // On time with a holiday: filed Tuesday 10 Nov, 2 working days; 11 Nov (Armistice Day) does not count, so due at the end of Friday 13 Nov, not Thursday 12.
    const filed = nov(10);
    const due = computeDueAt({ createdAt: filed, slaWorkingDays: 2 });
    expect(due.toISOString()).toBe(endOfLocalDay("2026-11-13").toISOString());
    await report({
      category: "onTime",
      at: [W + 0.03, S + 0.03],
      createdAt: filed,
      dueAt: due,
      status: "resolved",
      resolvedAt: nov(13, 15),
      organisationId: roadsId,
    }); // on time thanks to the holiday
    await report({
      category: "onTime",
      at: [W + 0.03, S + 0.03],
      createdAt: filed,
      dueAt: due,
      status: "closed",
      resolvedAt: nov(11, 10),
      organisationId: roadsId,
    }); // on time
    await report({
      category: "onTime",
      at: [W + 0.03, S + 0.03],
      createdAt: filed,
      dueAt: due,
      status: "resolved",
      resolvedAt: nov(16, 9),
      organisationId: roadsId,
    }); // late
    await report({
      category: "onTime",
      at: [W + 0.03, S + 0.03],
      createdAt: filed,
      dueAt: due,
      status: "in_progress",
      organisationId: roadsId,
    }); // open past due: late
    const recent = nov(19);
    await report({
      category: "onTime",
      at: [W + 0.03, S + 0.03],
      createdAt: recent,
      dueAt: computeDueAt({ createdAt: recent, slaWorkingDays: 2 }),
      status: "assigned",
      organisationId: roadsId,
    }); // not yet due
    await report({
      category: "onTime",
      at: [W + 0.03, S + 0.03],
      createdAt: filed,
      dueAt: due,
      status: "rejected",
      organisationId: roadsId,
    }); // not judged

    // DBSCAN: six reports within ~20 m of P, four within ~15 m of Q (600 m east), three scattered loners.
    const P: Position = [W + 0.02, S + 0.06];
    const Q: Position = [W + 0.0275, S + 0.06];
    const near = (c: Position, dx: number, dy: number): Position => [
      c[0]! + dx * 0.0001,
      c[1]! + dy * 0.0001,
    ];
    for (const [dx, dy] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
      [-1, 0],
      [0, -1],
    ])
      await report({ category: "dumping", at: near(P, dx!, dy!), createdAt: nov(6) });
    for (const [dx, dy] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ])
      await report({ category: "dumping", at: near(Q, dx!, dy!), createdAt: nov(7) });
    for (const at of [
      [W + 0.01, S + 0.01],
      [W + 0.09, S + 0.09],
      [W + 0.06, S + 0.03],
    ])
      await report({ category: "dumping", at, createdAt: nov(8) });
    // The previous period (2–31 October, 30 days) had two reports at P.
    await report({ category: "dumping", at: near(P, 0, 0), createdAt: new Date("2026-10-20T10:00:00Z") });
    await report({ category: "dumping", at: near(P, 1, 0), createdAt: new Date("2026-10-21T10:00:00Z") });

    // Contact centre: settled at the desk (rejected), handed to the water utility, still at the desk; one routed straight to a service.
    const desk = async (
      status: t.Report["status"],
      handOver: boolean,
      toOrganisation = contactCentreId,
      channel: t.Report["channel"] = "phone",
    ) => {
      const id = await report({
        category: "desk",
        at: [W + 0.04, S + 0.04],
        createdAt: nov(9),
        status,
        organisationId: handOver ? waterId : toOrganisation,
        channel,
      });
      await db.insert(t.reportEvents).values({
        reportId: id,
        municipalityId,
        kind: "created",
        toStatus: "received",
        toOrganisationId: toOrganisation,
        createdAt: nov(9),
      });
      if (handOver) {
        await db.insert(t.reportEvents).values({
          reportId: id,
          municipalityId,
          kind: "assigned",
          fromStatus: "received",
          toStatus: "assigned",
          fromOrganisationId: toOrganisation,
          toOrganisationId: waterId,
          createdAt: nov(9, 11),
        });
      }
    };
    await desk("rejected", false);
    await desk("assigned", true);
    await desk("received", false);
    await desk("assigned", false, waterId, "web");
  });

  const ctx = async () => ({ db: await getDb(), municipalityId, locale: "en" as const });

  it("counts reports per district, a report on a shared edge for the district with the lowest code, duplicates and other periods left out", async () => {
    const rows = await countReportsByDistrict({
      ...(await ctx()),
      filters: filters({ categories: [categories.district] }),
    });
    expect(rows).toEqual([
      { code: "a-west", name: "West", population: 2000, reports: 4, per1000: 2 },
      { code: "b-east", name: "East", population: null, reports: 2, per1000: null },
    ]);
    const east = await countReportsByDistrict({
      ...(await ctx()),
      filters: filters({ categories: [categories.district], districts: ["b-east"] }),
    });
    expect(east).toEqual([{ code: "b-east", name: "East", population: null, reports: 2, per1000: null }]);
  });

  it("draws the same district counts as map polygons", async () => {
    const layer = await buildMapLayer({
      ...(await ctx()),
      filters: filters({ categories: [categories.district] }),
      layer: "choropleth",
      zoom: 12,
    });
    expect(layer.features.map((f) => [f.properties.code, f.properties.reports])).toEqual([
      ["a-west", 4],
      ["b-east", 2],
    ]);
    expect(layer.max).toBe(4);
  });

  it("aggregates hexagons and heat cells without losing or doubling a report", async () => {
    for (const layer of ["hexagons", "heatmap"] as const) {
      const result = await buildMapLayer({
        ...(await ctx()),
        filters: filters({ categories: [categories.dumping] }),
        layer,
        zoom: 16,
      });
      expect(
        result.features.reduce((n, f) => n + Number(f.properties.reports), 0),
        layer,
      ).toBe(13);
      expect(result.features.length, layer).toBeLessThan(13);
    }
    const hexagons = await buildMapLayer({
      ...(await ctx()),
      filters: filters({ categories: [categories.dumping] }),
      layer: "hexagons",
      zoom: 10,
    });
    expect(hexagons.cellMetres).toBeGreaterThan(2000);
    expect(hexagons.features[0]!.geometry.type).toBe("Polygon");
  });

  it("gives the median and 90th percentile of resolution time per organisation and category", async () => {
    const times = await measureResolutionTimes({
      ...(await ctx()),
      filters: filters({ categories: [categories.resolution] }),
    });
    expect(times.byOrganisation).toEqual([
      { code: "water", name: "Test organisation", resolved: 5, medianHours: 30, p90Hours: 76 },
    ]);
    expect(times.byCategory).toEqual([
      { code: categories.resolution, name: "Water leak", resolved: 5, medianHours: 30, p90Hours: 76 },
    ]);
    const key = await measureKeyFigures({
      ...(await ctx()),
      filters: filters({ categories: [categories.resolution] }),
      now,
    });
    expect(key).toMatchObject({ reports: 6, resolved: 5, openNow: 1, medianResolutionHours: 30 });
  });

  it("measures the share resolved within the promised working days, a holiday in the period moving the due date", async () => {
    const rows = await measureOnTimeShare({
      ...(await ctx()),
      filters: filters({ categories: [categories.onTime] }),
      now,
    });
    expect(rows).toEqual([{ code: "roads", name: "Test organisation", judged: 4, onTime: 2, share: 0.5 }]);
  });

  it("finds the planted clusters with DBSCAN, their main category and the trend against the previous period", async () => {
    const hotspots = await findHotspots({
      ...(await ctx()),
      filters: filters({ categories: [categories.dumping], epsMetres: 50, minPoints: 4 }),
    });
    expect(hotspots.map((h) => h.reports)).toEqual([6, 4]);
    expect(hotspots.map((h) => h.previousReports)).toEqual([2, 0]);
    expect(hotspots[0]!.trend).toBe(2);
    expect(hotspots[1]!.trend).toBeNull();
    expect(hotspots[0]!.categories).toEqual([{ code: categories.dumping, name: "Water leak", reports: 6 }]);
    expect(hotspots[0]!.centre[0]).toBeCloseTo(W + 0.02, 3);
    expect(hotspots[0]!.centre[1]).toBeCloseTo(S + 0.06, 3);
    const [w, s, e, n] = hotspots[0]!.bbox;
    expect(w).toBeLessThan(W + 0.02);
    expect(e).toBeGreaterThan(W + 0.02);
    expect(s).toBeLessThan(S + 0.06);
    expect(n).toBeGreaterThan(S + 0.06);
    // A wider neighbourhood joins P and Q (600 m apart) into one; more points required leaves only P.
    expect(
      (
        await findHotspots({
          ...(await ctx()),
          filters: filters({ categories: [categories.dumping], epsMetres: 700, minPoints: 4 }),
        })
      ).map((h) => h.reports),
    ).toEqual([10]);
    expect(
      (
        await findHotspots({
          ...(await ctx()),
          filters: filters({ categories: [categories.dumping], epsMetres: 50, minPoints: 5 }),
        })
      ).map((h) => h.reports),
    ).toEqual([6]);
  });

  it("derives the contact centre's first-contact resolution and forwarding rate from the audit trail", async () => {
    const figures = await measureContactCentre({
      ...(await ctx()),
      filters: filters({ categories: [categories.desk] }),
    });
    expect(figures).toEqual({
      received: 3,
      resolvedAtFirstContact: 1,
      forwarded: 1,
      firstContactResolutionRate: 1 / 3,
      forwardingRate: 1 / 3,
    });
  });

  it("counts the channel mix, the weekly volume and the backlog by age", async () => {
    const channels = await countChannels({
      ...(await ctx()),
      filters: filters({ categories: [categories.desk] }),
    });
    expect(channels.filter((c) => c.reports > 0)).toEqual([
      { channel: "web", reports: 1 },
      { channel: "phone", reports: 3 },
    ]);
    // Every channel is listed, imported history included.
    expect(channels).toHaveLength(7);

    const volume = await countVolume({
      ...(await ctx()),
      filters: filters({ categories: [categories.dumping] }),
    });
    // 6 Nov (Friday) is in the week of Monday 2 Nov; 7 and 8 Nov too.
    expect(volume).toEqual([
      { period: "2026-11-02", category: categories.dumping, categoryName: "Water leak", reports: 13 },
    ]);
    const monthly = await countVolume({
      ...(await ctx()),
      filters: filters({ categories: [categories.dumping], from: "2026-10-01", bucket: "month" }),
    });
    expect(monthly.map((v) => [v.period, v.reports])).toEqual([
      ["2026-10-01", 2],
      ["2026-11-01", 13],
    ]);

    const backlog = await countBacklogByAge({
      ...(await ctx()),
      filters: filters({ categories: [categories.onTime] }),
      now,
    });
    expect(backlog).toEqual([
      { band: "0-2", open: 1, overdue: 0 },
      { band: "3-7", open: 0, overdue: 0 },
      { band: "8-30", open: 1, overdue: 1 },
      { band: "31-90", open: 0, overdue: 0 },
      { band: "91+", open: 0, overdue: 0 },
    ]);
  });
});
