import { defineConfig } from "drizzle-kit";

// Used only to generate migrations from db/schema; the app applies them itself (db/migrate.ts),
// because drizzle-kit cannot open the embedded engine with PostGIS loaded.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
