import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Counters for rate limits (per IP, per contact), in fixed windows; shared by every app process. */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
