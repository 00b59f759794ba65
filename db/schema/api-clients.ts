import { boolean, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/** Applications allowed to file reports through Open311; only a hash of each key is stored. */
export const apiClients = pgTable(
  "api_clients",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    // sha256 of the key, hex.
    keyHash: text("key_hash").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("api_clients_key_hash_key").on(t.keyHash)],
);

export type ApiClient = typeof apiClients.$inferSelect;
