import "server-only";
import { z } from "zod";
import type { Database } from "../../db/client";
import type { Locale } from "../i18n/config";
import { countBacklogByAge } from "./count-backlog-by-age";
import { countChannels } from "./count-channels";
import { countReportsByDistrict } from "./count-reports-by-district";
import { countVolume } from "./count-volume";
import type { AnalyticsFilters } from "./filters";
import { findHotspots } from "./find-hotspots";
import { measureContactCentre } from "./measure-contact-centre";
import { measureKeyFigures } from "./measure-key-figures";
import { measureOnTimeShare } from "./measure-on-time-share";
import { measureResolutionTimes } from "./measure-resolution-times";

/** Every figure of the workspace that can be downloaded as a table. */
export const figureNames = [
  "key-figures",
  "districts",
  "hotspots",
  "volume",
  "resolution-by-organisation",
  "resolution-by-category",
  "on-time",
  "backlog",
  "contact-centre",
  "channels",
] as const;
export type FigureName = (typeof figureNames)[number];
export const figureNameSchema = z.enum(figureNames);

type Cell = string | number | null;
export type FigureTable = { figure: FigureName; columns: string[]; rows: Array<Record<string, Cell>> };

/** One figure as a flat table (the same numbers the page draws), for CSV or JSON download. */
export async function buildFigureTable(input: {
  db: Database;
  municipalityId: number;
  filters: AnalyticsFilters;
  locale: Locale;
  figure: FigureName;
  now?: Date;
}): Promise<FigureTable> {
  const table = (columns: string[], rows: Array<Record<string, Cell>>): FigureTable => ({
    figure: input.figure,
    columns,
    rows,
  });
  switch (input.figure) {
    case "key-figures": {
      const k = await measureKeyFigures(input);
      return table(
        [
          "reports",
          "previous_period_reports",
          "resolved",
          "open_now",
          "overdue_now",
          "median_resolution_hours",
        ],
        [
          {
            reports: k.reports,
            previous_period_reports: k.previousReports,
            resolved: k.resolved,
            open_now: k.openNow,
            overdue_now: k.overdueNow,
            median_resolution_hours: k.medianResolutionHours,
          },
        ],
      );
    }
    case "districts": {
      const rows = await countReportsByDistrict(input);
      return table(
        ["district", "name", "population", "reports", "per_1000_inhabitants"],
        rows.map((r) => ({
          district: r.code,
          name: r.name,
          population: r.population,
          reports: r.reports,
          per_1000_inhabitants: r.per1000,
        })),
      );
    }
    case "hotspots": {
      const rows = await findHotspots(input);
      return table(
        ["rank", "reports", "previous_period_reports", "trend", "longitude", "latitude", "main_categories"],
        rows.map((h) => ({
          rank: h.rank,
          reports: h.reports,
          previous_period_reports: h.previousReports,
          trend: h.trend,
          longitude: h.centre[0],
          latitude: h.centre[1],
          main_categories: h.categories.map((c) => `${c.name} (${c.reports})`).join("; "),
        })),
      );
    }
    case "volume": {
      const rows = await countVolume(input);
      return table(
        ["period_start", "category", "category_name", "reports"],
        rows.map((r) => ({
          period_start: r.period,
          category: r.category,
          category_name: r.categoryName,
          reports: r.reports,
        })),
      );
    }
    case "resolution-by-organisation":
    case "resolution-by-category": {
      const times = await measureResolutionTimes(input);
      const rows = input.figure === "resolution-by-organisation" ? times.byOrganisation : times.byCategory;
      return table(
        ["code", "name", "resolved", "median_hours", "p90_hours"],
        rows.map((r) => ({
          code: r.code,
          name: r.name,
          resolved: r.resolved,
          median_hours: r.medianHours,
          p90_hours: r.p90Hours,
        })),
      );
    }
    case "on-time": {
      const rows = await measureOnTimeShare(input);
      return table(
        ["organisation", "name", "judged", "on_time", "share"],
        rows.map((r) => ({
          organisation: r.code,
          name: r.name,
          judged: r.judged,
          on_time: r.onTime,
          share: r.share === null ? null : Math.round(r.share * 1000) / 1000,
        })),
      );
    }
    case "backlog": {
      const rows = await countBacklogByAge(input);
      return table(
        ["age_days", "open", "overdue"],
        rows.map((r) => ({ age_days: r.band, open: r.open, overdue: r.overdue })),
      );
    }
    case "contact-centre": {
      const c = await measureContactCentre(input);
      const share = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
      return table(
        [
          "received",
          "resolved_at_first_contact",
          "forwarded",
          "first_contact_resolution_rate",
          "forwarding_rate",
        ],
        [
          {
            received: c.received,
            resolved_at_first_contact: c.resolvedAtFirstContact,
            forwarded: c.forwarded,
            first_contact_resolution_rate: share(c.firstContactResolutionRate),
            forwarding_rate: share(c.forwardingRate),
          },
        ],
      );
    }
    case "channels": {
      const rows = await countChannels(input);
      return table(
        ["channel", "reports"],
        rows.map((r) => ({ channel: r.channel, reports: r.reports })),
      );
    }
  }
}
