import { boolean, date, integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { municipalities } from "./places";

/** A municipality's exceptions to the national calendar: a local holiday, or a decreed working day. */
export const calendarOverrides = pgTable(
  "calendar_overrides",
  {
    id: serial("id").primaryKey(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    date: date("date").notNull(),
    isWorking: boolean("is_working").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [uniqueIndex("calendar_overrides_municipality_date_key").on(t.municipalityId, t.date)],
);

export type CalendarOverrideRow = typeof calendarOverrides.$inferSelect;
