import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryOne } from "../../db/query";
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
  const windowMs = input.rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await queryOne<{ count: number }>(
    input.db,
    sql`insert into rate_limit_hits (key, window_start, count)
        values (${`${input.rule.name}:${input.key}`}, ${windowStart.toISOString()}::timestamptz, 1)
        on conflict (key, window_start) do update set count = rate_limit_hits.count + 1
        returning count`,
  );
  if ((row?.count ?? 0) > input.rule.limit) {
    const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
    throw new AppError({
      code: "rate_limited",
      messageKey: "tooManySubmissions",
      details: { minutes: Math.ceil(retryAfterSeconds / 60) },
    });
  }
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
