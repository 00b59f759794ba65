import { z } from "zod";
import { AppError } from "../errors";
import { MAX_BBOX_SQUARE_DEGREES } from "./bbox-limits";
import type { BBox } from "./sql";

const number = z.coerce.number().finite();

/** Parses `west,south,east,north` (degrees, WGS 84) as sent by the map. */
export function parseBBox(raw: string | null, options: { maxSquareDegrees?: number } = {}): BBox {
  const parts = (raw ?? "").split(",");
  const parsed = z.tuple([number, number, number, number]).safeParse(parts.length === 4 ? parts : []);
  if (!parsed.success) throw new AppError({ code: "bad_request", messageKey: "invalidBbox" });
  const [west, south, east, north] = parsed.data;
  const inRange = west >= -180 && east <= 180 && south >= -90 && north <= 90 && west < east && south < north;
  if (!inRange) throw new AppError({ code: "bad_request", messageKey: "invalidBbox" });
  if ((east - west) * (north - south) > (options.maxSquareDegrees ?? MAX_BBOX_SQUARE_DEGREES)) {
    throw new AppError({ code: "unprocessable", messageKey: "bboxTooLarge" });
  }
  return [west, south, east, north];
}
