import { createHash } from "node:crypto";

/**
 * The canonical form of an event, the same as the database's report_event_canonical and
 * permit_event_canonical (migration 0021): a tag, then each field as "~" when null or
 * "<UTF-8 byte length>:<text>", times as microseconds since 1970 UTC. Length prefixes make the
 * form unambiguous whatever the texts contain.
 */
export function canonicalEvent(
  tag: "report_event/1" | "permit_event/1",
  fields: ReadonlyArray<string | null>,
): string {
  return `${tag}|${fields.map((v) => (v === null ? "~" : `${Buffer.byteLength(v, "utf8")}:${v}`)).join("")}`;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
