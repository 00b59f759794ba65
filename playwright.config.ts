import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./tests/helpers/chromium";

const port = Number(process.env.E2E_PORT ?? 3210);

/**
 * E2E against the production build on the embedded engine, in Debian's Chromium (Playwright's
 * own browser download is not available here). SwiftShader gives MapLibre its WebGL.
 */
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  outputDir: ".test-data/e2e-results",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: "off",
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } }, testIgnore: /citizen-report/ },
    {
      name: "phone",
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
      // The staff desk is a desktop workspace; its phone-first pages come with the field app. The
      // shapes and permits specs walk the staff report page and export too; drawing a line on a
      // phone is covered by citizen-report.spec.ts.
      // Outside clients (GDAL, another site's page) and the Open311 key flow, which ends on an admin
      // page, are not about the phone.
      testIgnore:
        /staff-|admin\.spec|manual-screenshots|permits-wired|report-shapes|outside-clients|open311-key/,
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://127.0.0.1:${port}/api/health`,
    // The server builds its embedded database and seeds the demo first: minutes on a busy machine.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { PORT: String(port) },
  },
});
