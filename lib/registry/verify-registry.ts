import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { canonicalEvent, sha256Hex } from "./canonical";

export type BrokenLink = {
  table: "report_events" | "permit_events";
  /** The report or permit whose chain breaks. */
  subjectId: number;
  /** The first event (in chain order) that does not verify. */
  eventId: number;
  problem: "hash_mismatch" | "missing_hash" | "chain_broken";
};

export type RegistryCheck = { chains: number; events: number; broken: BrokenLink[]; durationMs: number };

type Row = {
  id: number;
  subject: number;
  fields: Array<string | null>;
  prev_hash: string | null;
  hash: string | null;
};

const BATCH = 10_000;

/** Reads one table's events in (subject, id) order, a batch at a time, with every field as text. */
async function* readEvents(db: Database, table: BrokenLink["table"]): AsyncGenerator<Row[]> {
  const select: SQL =
    table === "report_events"
      ? sql`select id, report_id as subject, prev_hash, hash, json_build_array(id::text, report_id::text,
              municipality_id::text, kind::text, actor_user_id::text, actor_organisation_id::text, from_status::text,
              to_status::text, from_organisation_id::text, to_organisation_id::text, public_text, internal_note,
              ((extract(epoch from created_at) * 1000000)::bigint)::text) as fields
            from report_events`
      : sql`select id, permit_id as subject, prev_hash, hash, json_build_array(id::text, permit_id::text, kind::text,
              actor_user_id::text, from_status::text, to_status::text, report_id::text, note,
              ((extract(epoch from created_at) * 1000000)::bigint)::text) as fields
            from permit_events`;
  const subjectColumn = table === "report_events" ? sql`report_id` : sql`permit_id`;
  let after: [number, number] = [-1, -1];
  for (;;) {
    const rows = await queryRows<Row>(
      db,
      sql`${select} where (${subjectColumn}, id) > (${after[0]}, ${after[1]}) order by ${subjectColumn}, id limit ${BATCH}`,
    );
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = [last.subject, last.id];
  }
}

/**
 * Checks one chain: every event's hash is the SHA-256 of its canonical form (which includes the
 * previous hash), and the events form one line from the first (no previous hash) through each
 * previous hash to the last. Returns the first event, in chain order, that fails.
 */
function checkChain(table: BrokenLink["table"], events: Row[]): BrokenLink | null {
  const tag = table === "report_events" ? "report_event/1" : "permit_event/1";
  const subjectId = events[0]!.subject;
  const byPrev = new Map<string | null, Row[]>();
  for (const e of events) byPrev.set(e.prev_hash, [...(byPrev.get(e.prev_hash) ?? []), e]);
  let previous: string | null = null;
  const seen = new Set<number>();
  for (;;) {
    const next: Row[] = byPrev.get(previous) ?? [];
    if (next.length === 0) break;
    // Two events claiming the same predecessor: the chain forked (an event inserted by hand).
    if (next.length > 1)
      return { table, subjectId, eventId: Math.max(...next.map((n) => n.id)), problem: "chain_broken" };
    const e: Row = next[0]!;
    if (seen.has(e.id)) break;
    if (e.hash === null) return { table, subjectId, eventId: e.id, problem: "missing_hash" };
    if (sha256Hex(canonicalEvent(tag, [...e.fields, e.prev_hash])) !== e.hash)
      return { table, subjectId, eventId: e.id, problem: "hash_mismatch" };
    seen.add(e.id);
    previous = e.hash;
  }
  // Events not reached from the start: their previous hash names no event (a change or a deletion before them).
  const unreached = events.filter((e) => !seen.has(e.id));
  if (unreached.length > 0) {
    const first = unreached.reduce((a, b) => (a.id < b.id ? a : b));
    return {
      table,
      subjectId,
      eventId: first.id,
      problem: first.hash === null ? "missing_hash" : "chain_broken",
    };
  }
  return null;
}

/** Verifies every report and permit chain; `broken` lists the first broken link of each broken chain. */
export async function verifyRegistry(input: { db: Database }): Promise<RegistryCheck> {
  const started = performance.now();
  const result: RegistryCheck = { chains: 0, events: 0, broken: [], durationMs: 0 };
  for (const table of ["report_events", "permit_events"] as const) {
    let chain: Row[] = [];
    const flush = () => {
      if (chain.length === 0) return;
      result.chains++;
      const broken = checkChain(table, chain);
      if (broken) result.broken.push(broken);
      chain = [];
    };
    for await (const rows of readEvents(input.db, table)) {
      for (const row of rows) {
        if (chain.length > 0 && chain[0]!.subject !== row.subject) flush();
        chain.push(row);
        result.events++;
      }
    }
    flush();
  }
  result.durationMs = Math.round(performance.now() - started);
  return result;
}
