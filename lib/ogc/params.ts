import { AppError } from "../errors";
import { endOfLocalDay } from "../calendar/working-days";
import type { BBox } from "../geo/sql";
import { parseBBox } from "../geo/bbox";
import type { ItemsQuery } from "./collections";

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1_000;

/**
 * Parameters the items endpoint understands. Anything else is refused (Part 1 Core,
 * /req/core/query-param-unknown): `?status=received` must not look like a filter that worked.
 * `lang` and `f` choose the language and the encoding; `cursor` carries the keyset of a `next` link.
 */
const known = new Set(["bbox", "bbox-crs", "datetime", "limit", "offset", "cursor", "lang", "f"]);

const invalid = (name: string) =>
  new AppError({ code: "bad_request", messageKey: "invalidParameter", details: { name } });

/** The day before a `YYYY-MM-DD` date. */
function previousDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * One end of a `datetime` value. A date without a time is a whole local (Europe/Belgrade) day:
 * as a start it is the day's first instant, as an end its last.
 */
function instant(value: string, side: "start" | "end"): Date | null {
  if (value === ".." || value === "") return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) {
    return side === "end" ? endOfLocalDay(value) : new Date(endOfLocalDay(previousDate(value)).getTime() + 1);
  }
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(time))
    throw invalid("datetime");
  return new Date(time);
}

/** `bbox` with 4 numbers, or 6 (a height range, which flat features ignore: /req/core/fc-bbox-definition). */
function parseOgcBBox(raw: string): BBox {
  const parts = raw.split(",");
  if (parts.length === 6) {
    const [w, s, zmin, e, n, zmax] = parts;
    if (!Number.isFinite(Number(zmin)) || !Number.isFinite(Number(zmax))) throw invalid("bbox");
    return parseBBox([w, s, e, n].join(","), { maxSquareDegrees: 64_800 });
  }
  // The whole of Serbia and more: desktop GIS asks for large areas and pages through them.
  return parseBBox(raw, { maxSquareDegrees: 64_800 });
}

/** The keyset a `next` link carries: the last key of the page before, opaque to the client. */
export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

function decodeCursor(raw: string): string | number {
  try {
    const key: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (typeof key === "string" || (typeof key === "number" && Number.isInteger(key))) return key;
  } catch {
    // falls through to the 400 below
  }
  throw invalid("cursor");
}

/** OGC API – Features items parameters: `bbox`, `datetime` (instant or interval, `..` open), `limit`, `offset`, `cursor`. */
export function parseItemsQuery(params: URLSearchParams): ItemsQuery {
  for (const name of params.keys()) {
    if (!known.has(name))
      throw new AppError({ code: "bad_request", messageKey: "unknownParameter", details: { name } });
  }
  const limitRaw = params.get("limit");
  const limit = limitRaw === null ? DEFAULT_LIMIT : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1) throw invalid("limit");
  const offset = Number(params.get("offset") ?? 0);
  if (!Number.isInteger(offset) || offset < 0) throw invalid("offset");
  const crs = params.get("bbox-crs");
  if (crs !== null && crs !== "http://www.opengis.net/def/crs/OGC/1.3/CRS84") throw invalid("bbox-crs");
  const bboxRaw = params.get("bbox");
  const datetime = params.get("datetime");
  let interval: ItemsQuery["interval"];
  if (datetime) {
    const parts = datetime.split("/");
    if (parts.length > 2 || (parts.length === 2 && parts[0] === ".." && parts[1] === ".."))
      throw invalid("datetime");
    interval =
      parts.length === 1
        ? { start: instant(parts[0]!, "start"), end: instant(parts[0]!, "end") }
        : { start: instant(parts[0]!, "start"), end: instant(parts[1]!, "end") };
    if (interval.start && interval.end && interval.start > interval.end) throw invalid("datetime");
  }
  const cursor = params.get("cursor");
  return {
    bbox: bboxRaw ? parseOgcBBox(bboxRaw) : undefined,
    interval,
    // Servers may cap the limit (Part 1 Core, /req/core/fc-limit-response).
    limit: Math.min(limit, MAX_LIMIT),
    offset,
    after: cursor === null ? undefined : decodeCursor(cursor),
  };
}
