import { AppError } from "../errors";
import { parseBBox } from "../geo/bbox";
import type { ItemsQuery } from "./collections";

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1_000;

function instant(value: string): Date | null {
  if (value === ".." || value === "") return null;
  const time = Date.parse(value);
  if (
    !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/.test(value) ||
    Number.isNaN(time)
  ) {
    throw new AppError({
      code: "bad_request",
      messageKey: "invalidParameter",
      details: { name: "datetime" },
    });
  }
  return new Date(time);
}

/** OGC API – Features items parameters: `bbox`, `datetime` (instant or interval, `..` open), `limit`, `offset`. */
export function parseItemsQuery(params: URLSearchParams): ItemsQuery {
  const limitRaw = params.get("limit");
  const limit = limitRaw === null ? DEFAULT_LIMIT : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1)
    throw new AppError({ code: "bad_request", messageKey: "invalidParameter", details: { name: "limit" } });
  const offset = Number(params.get("offset") ?? 0);
  if (!Number.isInteger(offset) || offset < 0)
    throw new AppError({ code: "bad_request", messageKey: "invalidParameter", details: { name: "offset" } });
  const bboxRaw = params.get("bbox");
  const datetime = params.get("datetime");
  let interval: ItemsQuery["interval"];
  if (datetime) {
    const [a, b] = datetime.split("/");
    interval =
      b === undefined ? { start: instant(a!), end: instant(a!) } : { start: instant(a!), end: instant(b) };
  }
  return {
    // The whole of Serbia and more: desktop GIS asks for large areas and pages through them.
    bbox: bboxRaw ? parseBBox(bboxRaw, { maxSquareDegrees: 64_800 }) : undefined,
    interval,
    // Servers may cap the limit (Part 1 Core, /req/core/fc-limit-response).
    limit: Math.min(limit, MAX_LIMIT),
    offset,
  };
}
