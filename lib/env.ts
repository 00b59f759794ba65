import { z } from "zod";

/**
 * Environment, parsed once. Every setting the server reads is declared here so a typo
 * or a bad value fails at start with a message instead of somewhere deep in a request.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  // Unset: the embedded engine (PGlite + PostGIS) in DATA_DIR. Set: a PostgreSQL >= 15 server with PostGIS >= 3.3.
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().min(1).default("./data/pglite"),
  // A streaming standby for read-only public traffic (db/read.ts); unset: everything reads DATABASE_URL.
  READ_DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Reads go to the primary while the standby's replay is further behind than this.
  READ_MAX_LAG_SECONDS: z.coerce.number().min(0).max(3_600).default(5),
  // Where a process learns the tile layers' versions: "notify" keeps them in memory, updated by
  // LISTEN/NOTIFY (no statement per cached tile; a write reaches the tiles once its NOTIFY is
  // delivered); "query" reads them for every tile (strict read-after-write, for tests).
  TILE_VERSIONS: z.enum(["notify", "query"]).default("notify"),
  // Seed the demo municipality into an empty database at start (embedded engine only unless "always").
  SEED_DEMO: z.enum(["auto", "always", "never"]).default("auto"),
  // Basemap style; when it cannot be fetched the map falls back to the bundled style.
  MAP_STYLE_URL: z.string().default("https://tiles.openfreemap.org/styles/positron"),
  // Where uploaded photos are stored (the disk storage; an S3-compatible one can replace it).
  UPLOAD_DIR: z.string().min(1).default("./data/uploads"),
  // Where the daily open-data files (GeoJSON, CSV) are written.
  OPEN_DATA_DIR: z.string().min(1).default("./data/open-data"),
  // The public address of the app, for links in notification messages.
  PUBLIC_BASE_URL: z.string().url().default("http://localhost:3000"),
  // Notifications: delivered by SMTP when SMTP_URL is set, otherwise written as files to OUTBOX_DIR.
  SMTP_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SMTP_FROM: z.string().default("Kontakt centar <no-reply@localhost>"),
  OUTBOX_DIR: z.string().min(1).default("./data/outbox"),
  // The in-process outbox worker: how often it looks for work (0 turns it off in this process).
  OUTBOX_POLL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  // How long a worker's claim on a batch lasts; after a crash, its messages are retried once it ends.
  // How often the organisations' own Open311 systems are asked what became of forwarded reports.
  OPEN311_POLL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  // Signs staff sessions. Unset: a random secret is created once and kept beside the embedded data.
  NEXTAUTH_SECRET: z
    .string()
    .min(16)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // The in-process cache of hot vector tiles, in MB; 0 turns it off (every tile from the database).
  TILE_CACHE_MB: z.coerce.number().int().min(0).max(4_096).default(64),
  // Milliseconds the browser waits for the basemap style before using the bundled one.
  MAP_STYLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3_000),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
      throw new Error(`Invalid environment:\n${lines}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests switch engines between runs of the same process. */
export function resetEnvCache(): void {
  cached = undefined;
}
