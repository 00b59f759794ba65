import { fromBelgradeWallTime } from "../time/belgrade";
import type { ReportStatus } from "./statuses";
import { parseStatus } from "./statuses";
import type { ColumnMapping } from "./import-schema";

export type RowProblem = { messageKey: string; values?: Record<string, string | number> };

/** A row turned into report fields, before the database checks (category, place). */
export type ReadRow = {
  categoryCode: string;
  description: string;
  position: [number, number] | null;
  address: string | null;
  createdAt: Date | null;
  status: ReportStatus;
  externalId: string | null;
};

function parseNumber(value: string): number {
  return Number(value.replace(",", ".").trim());
}

/** `2025-03-14`, `2025-03-14T09:30:00Z`, `14.03.2025`, `14.03.2025. 09:30` (Serbian style, Belgrade time). */
export function parseDate(value: string): Date | null {
  const v = value.trim();
  const serbian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?(?:\s+(\d{1,2}):(\d{2}))?$/.exec(v);
  if (serbian) {
    const [, d, m, y, hh, mm] = serbian;
    const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (
      day.getUTCMonth() !== Number(m) - 1 ||
      day.getUTCDate() !== Number(d) ||
      Number(hh ?? 0) > 23 ||
      Number(mm ?? 0) > 59
    )
      return null;
    return fromBelgradeWallTime({
      year: Number(y),
      month: Number(m),
      day: Number(d),
      hour: Number(hh ?? 12),
      minute: Number(mm ?? 0),
    });
  }
  const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (isoDay) {
    const [, y, m, d] = isoDay.map(Number) as [number, number, number, number];
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
    // Noon Belgrade time: the day stays the same whatever the season.
    return fromBelgradeWallTime({ year: y, month: m, day: d, hour: 12 });
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(v)) {
    const date = new Date(v.replace(" ", "T"));
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** Reads one CSV row by the mapping; a problem instead when a required value is missing or unreadable. */
export function readRow(input: {
  header: string[];
  row: string[];
  mapping: ColumnMapping;
  now: Date;
}): ReadRow | RowProblem {
  const { header, row, mapping } = input;
  const cell = (column: string | undefined) => {
    if (!column) return "";
    const i = header.indexOf(column);
    return i < 0 ? "" : (row[i] ?? "").trim();
  };
  const categoryCode = cell(mapping.categoryCode);
  if (!categoryCode) return { messageKey: "importMissingCategory" };
  const description = cell(mapping.description);
  if (!description) return { messageKey: "importMissingDescription" };
  if (description.length > 4_000) return { messageKey: "importDescriptionTooLong", values: { max: 4_000 } };

  let position: [number, number] | null = null;
  const lat = cell(mapping.latitude);
  const lng = cell(mapping.longitude);
  if (lat || lng) {
    const p: [number, number] = [parseNumber(lng), parseNumber(lat)];
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)
      return { messageKey: "importBadCoordinates" };
    position = p;
  }
  const address = cell(mapping.address) || null;
  if (!position && !address) return { messageKey: "importMissingLocation" };

  let createdAt: Date | null = null;
  const created = cell(mapping.createdAt);
  if (created) {
    createdAt = parseDate(created);
    if (!createdAt) return { messageKey: "importBadDate", values: { value: created.slice(0, 40) } };
    if (createdAt.getTime() > input.now.getTime())
      return { messageKey: "importFutureDate", values: { value: created.slice(0, 40) } };
  }
  const statusText = cell(mapping.status);
  const status = statusText ? parseStatus(statusText) : "received";
  if (!status) return { messageKey: "importBadStatus", values: { value: statusText.slice(0, 40) } };
  const externalId = cell(mapping.externalId) || null;
  if (externalId && externalId.length > 200) return { messageKey: "importExternalIdTooLong" };
  return { categoryCode, description, position, address, createdAt, status, externalId };
}

export function isProblem(value: ReadRow | RowProblem): value is RowProblem {
  return "messageKey" in value;
}
