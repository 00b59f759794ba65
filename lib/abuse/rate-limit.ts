import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne, queryRows } from "../../db/query";
import { AppError } from "../errors";

export type RateLimit = { name: string; limit: number; windowSeconds: number };

/** Citizens' submissions: per network address and per contact (email or phone). */
export const submissionLimits = {
  perIp: { name: "submit-ip", limit: 10, windowSeconds: 600 },
  perContact: { name: "submit-contact", limit: 5, windowSeconds: 3_600 },
} satisfies Record<string, RateLimit>;

/**
 * Counts one hit for `key` in the current fixed window (shared by all app processes through the
 * database) and refuses with 429 once the limit is passed.
 */
export async function consumeRateLimit(input: {
  db: Database;
  rule: RateLimit;
  key: string;
  now?: Date;
}): Promise<void> {
  const now = input.now ?? new Date();
  const hits = [{ rule: input.rule, key: input.key }];
  const counts = await queryRows<{ key: string; count: number }>(input.db, rateLimitHitsSql(hits, now));
  refuseOverLimit({ hits, counts, now });
}

/** One hit to count against a rule. */
export type RateLimitHit = { rule: RateLimit; key: string };

function windowOf(rule: RateLimit, now: Date): { start: Date; ms: number } {
  const ms = rule.windowSeconds * 1000;
  return { start: new Date(Math.floor(now.getTime() / ms) * ms), ms };
}

/**
 * Counts the hits (rules of different names) as one INSERT … RETURNING key, count: for a caller
 * that counts them inside a statement of its own (a filing reads its context in the same one).
 */
export function rateLimitHitsSql(hits: RateLimitHit[], now: Date): SQL {
  return sql`insert into rate_limit_hits (key, window_start, count)
        values ${sql.join(
          hits.map(
            (h) =>
              sql`(${`${h.rule.name}:${h.key}`}, ${windowOf(h.rule, now).start.toISOString()}::timestamptz, 1)`,
          ),
          sql`, `,
        )}
        on conflict (key, window_start) do update set count = rate_limit_hits.count + 1
        returning key, count`;
}

/** 429 when a counted hit (by rateLimitHitsSql's rows) passed its rule's limit. */
export function refuseOverLimit(input: {
  hits: RateLimitHit[];
  counts: { key: string; count: number }[];
  now: Date;
}): void {
  input.hits.forEach((hit) => {
    const counted = input.counts.find((c) => c.key === `${hit.rule.name}:${hit.key}`);
    if ((counted?.count ?? 0) <= hit.rule.limit) return;
    const window = windowOf(hit.rule, input.now);
    const retryAfterSeconds = Math.ceil((window.start.getTime() + window.ms - input.now.getTime()) / 1000);
    throw new AppError({
      code: "rate_limited",
      messageKey: "tooManySubmissions",
      details: { minutes: Math.ceil(retryAfterSeconds / 60) },
    });
  });
}

/**
 * Refuses with 429 when `key` has already reached the limit in the current window, counting nothing:
 * for limits on failures, which are counted only once an attempt has failed.
 */
export async function checkRateLimit(input: {
  db: Database;
  rule: RateLimit;
  key: string;
  now?: Date;
}): Promise<void> {
  const now = input.now ?? new Date();
  const windowMs = input.rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await queryOne<{ count: number }>(
    input.db,
    sql`select count from rate_limit_hits where key = ${`${input.rule.name}:${input.key}`} and window_start = ${windowStart.toISOString()}::timestamptz`,
  );
  if ((row?.count ?? 0) >= input.rule.limit) {
    const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
    throw new AppError({
      code: "rate_limited",
      messageKey: "tooManySubmissions",
      details: { minutes: Math.ceil(retryAfterSeconds / 60) },
    });
  }
}

/** Gives back one slot taken by consumeRateLimit (an attempt that turned out not to count). */
export async function refundRateLimit(input: {
  db: Database;
  rule: RateLimit;
  key: string;
  now?: Date;
}): Promise<void> {
  const windowMs = input.rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor((input.now ?? new Date()).getTime() / windowMs) * windowMs);
  await input.db.execute(
    sql`update rate_limit_hits set count = greatest(count - 1, 0)
        where key = ${`${input.rule.name}:${input.key}`} and window_start = ${windowStart.toISOString()}::timestamptz`,
  );
}

/** Forgets counters of windows that ended more than a day ago (run by the background worker). */
export async function pruneRateLimits(input: { db: Database; now?: Date }): Promise<void> {
  const cutoff = new Date((input.now ?? new Date()).getTime() - 86_400_000).toISOString();
  await input.db.execute(sql`delete from rate_limit_hits where window_start < ${cutoff}::timestamptz`);
}
