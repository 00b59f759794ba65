import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { signIn } from "./pages/staff-pages";

// The admin's workspace is a desktop one.
test.skip(({ isMobile }) => isMobile, "desktop project only");

test("Cyrillic help and error texts keep GeoJSON, EPSG codes and file extensions in Latin", async ({
  page,
}) => {
  await signIn(page, "admin@cuprija.example", "demo-admin");

  // A boundary file in a coordinate system the import does not know, checked in Cyrillic.
  const file = fs.readFileSync(path.resolve(__dirname, "../fixtures/geodata/unknown-crs.geojson"));
  const res = await page.request.post("/api/admin/setup/geodata?lang=sr-Cyrl", {
    multipart: {
      file: { name: "granica.geojson", mimeType: "application/geo+json", buffer: file },
      purpose: "boundary",
    },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.status()).toBe(422);
  const message = ((await res.json()) as { error: { message: string } }).error.message;
  expect(message).toContain("EPSG:4326");
  expect(message).toContain("EPSG:3844");
  expect(message).toMatch(/[а-ш]/);
  expect(message).not.toContain("ЕПСГ");

  // An unsupported file: the formats and extensions stay as the user sees them in their file manager.
  const wrong = await page.request.post("/api/admin/setup/geodata?lang=sr-Cyrl", {
    multipart: {
      file: { name: "granica.txt", mimeType: "text/plain", buffer: Buffer.from("nije geografija") },
      purpose: "boundary",
    },
    headers: { origin: new URL(page.url()).origin },
  });
  const unsupported = ((await wrong.json()) as { error: { message: string } }).error.message;
  expect(unsupported).toContain("GeoJSON");
  expect(unsupported).toContain("Shapefile (.zip)");
  expect(unsupported).not.toContain("ГеоЈСОН");

  // On a page: the import form's hint in Cyrillic names UTF-8 and CSV as they are written.
  await page.goto("/sr-Cyrl/admin/import");
  await expect(page.locator("main")).toContainText("UTF-8");
  await expect(page.locator("main")).not.toContainText("УТФ-8");
  await expect(page.locator("main")).toContainText("CSV");
});
