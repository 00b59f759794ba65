import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // "server-only" throws unless bundled for the server; tests run server code directly.
  "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty-module.ts"),
};

const integration = {
  include: ["tests/integration/**/*.test.ts"],
  environment: "node" as const,
  pool: "forks" as const,
  // Each file gets a fresh copy of a migrated template database (see tests/helpers).
  isolate: true,
  maxWorkers: 2,
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  resolve: { alias },
  test: {
    // A worker closing its embedded database on a busy two-core machine can take longer than the
    // default ten seconds.
    teardownTimeout: 60_000,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // The procedure's property tests run thousands of cases: seconds on a busy two-core machine.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: "integration",
          globalSetup: ["tests/helpers/global-setup-embedded.ts"],
          setupFiles: ["tests/helpers/setup-embedded.ts"],
          env: { TEST_ENGINE: "embedded" },
        },
      },
      // The same suite on a PostgreSQL + PostGIS server, when one is given (CI always gives one).
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              resolve: { alias },
              test: {
                ...integration,
                name: "integration-server",
                globalSetup: ["tests/helpers/global-setup-server.ts"],
                setupFiles: ["tests/helpers/setup-server.ts"],
                env: { TEST_ENGINE: "server" },
              },
            },
          ]
        : []),
    ],
  },
});
