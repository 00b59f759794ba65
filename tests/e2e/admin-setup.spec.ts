import { expect, test } from "./fixtures";
import { mailTo } from "./pages/mail";
import { SetupWizardPage } from "./pages/setup-pages";
import { signIn } from "./pages/staff-pages";

test.use({ viewport: { width: 1280, height: 900 } });
// The admin's workspace is a desktop one, like the staff desk; both tests also share one database.
test.skip(({ isMobile }) => isMobile, "desktop project only");

test("an admin sets up a second municipality from files, a report filed inside it is routed there, and the admin switches the administration to it", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "admin@cuprija.example", "demo-admin");
  const wizard = new SetupWizardPage(page);
  await wizard.open();

  await page.getByLabel("Name (Serbian, Latin)").fill("Testovac");
  await page.getByLabel("Name (English)").fill("Testovac");
  await expect(page.getByRole("textbox", { name: "Code", exact: true })).toHaveValue("testovac");
  await wizard.saveStep();

  // The boundary from a GeoPackage in MGI 1901 / Balkans zone 7: previewed on the map before saving.
  await wizard.upload("Boundary file", "boundary-3909.gpkg");
  await expect(wizard.previewSummary()).toContainText(
    "boundary-3909.gpkg (EPSG:6316): 2 correct, 0 repaired, 0 rejected.",
  );
  await expect(wizard.previewMap()).toBeVisible();
  await page.getByRole("radio", { name: /Feature 1 Testovac/ }).check();
  await page.getByLabel("Source of the boundary").fill("Test fixture written by GDAL");
  await wizard.saveStep();

  // Local communities from a zipped Shapefile in UTM 34N.
  await wizard.upload("Local communities file", "districts-32634.zip");
  await expect(wizard.previewSummary()).toContainText("(EPSG:32634): 2 correct");
  await page.getByLabel("Attribute with the name").selectOption("naziv");
  await expect(page.getByText("Istok – Ćelije")).toBeVisible();
  await wizard.saveStep();

  // The organisations and categories of the built-in catalogue, one category's standard edited.
  await expect(page.getByRole("heading", { name: "Organisations" })).toBeVisible();
  await wizard.saveStep();
  await page.getByLabel("Working days for Curenje vode").fill("3");
  await wizard.saveStep();
  await wizard.saveStep(); // the national calendar as it is

  await page.getByRole("button", { name: "Add a person" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Nova Agentkinja");
  await page.getByLabel("E-mail", { exact: true }).fill("agentkinja@testovac.example");
  await page.getByRole("combobox", { name: /^Organisation/ }).selectOption("kontakt-centar");
  await wizard.saveStep();

  // Leaving and coming back keeps every step.
  await wizard.open();
  await expect(wizard.step("Staff")).toContainText("✓");
  await wizard.step("Finish").click();
  await page.getByRole("button", { name: "Create the municipality" }).click();
  await expect(page.getByRole("heading", { name: "The municipality is set up" })).toBeVisible();
  // The installation sends e-mail (the e2e server's SMTP sink), so the invitation goes by e-mail.
  await expect
    .poll(() => mailTo("agentkinja@testovac.example", "/invite/"), { timeout: 20_000 })
    .toMatch(/\/invite\/[\w-]{32}/);

  // A citizen's report inside Testovac goes to Testovac's water utility, with Testovac's standard.
  const filed = await request.post("/api/reports?lang=en", {
    multipart: {
      data: JSON.stringify({
        serviceCode: "water_leak",
        position: [21.68, 43.87],
        description: "Curi voda kod škole u Testovcu.",
      }),
    },
    headers: { "x-forwarded-for": "198.18.7.7" },
  });
  expect(filed.status()).toBe(201);
  const { trackingCode } = await filed.json();
  await page.goto(`/reports/${trackingCode}`);
  await expect(page.getByText("Water utility")).toBeVisible();

  // Its public map opens on it, with Ćuprija offered as the other municipality.
  await page.goto("/?municipality=testovac");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Testovac");
  await expect(
    page.getByRole("navigation", { name: "Other municipalities on this site" }).getByRole("link"),
  ).toHaveText(["Ćuprija"]);

  // Now the administrator of two municipalities, they switch the administration to Testovac and back.
  await page.goto("/admin/organisations");
  const ownCentre = page.getByRole("link", { name: "Ćuprija Municipal Contact Centre" });
  await expect(ownCentre).toBeVisible();
  await page.getByLabel("You administer").selectOption({ label: "Testovac" });
  await page.getByRole("button", { name: "Switch" }).click();
  await expect(ownCentre).toBeHidden();
  await expect(page.getByRole("table").getByRole("link").first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("You administer").locator("option:checked")).toHaveText("Testovac");
  await page.getByLabel("You administer").selectOption({ label: "Ćuprija" });
  await page.getByRole("button", { name: "Switch" }).click();
  await expect(ownCentre).toBeVisible();
});

test("an admin imports historical reports from a CSV: mapped columns, a dry run, the import with its progress and the failed rows", async ({
  page,
}) => {
  await signIn(page, "admin@cuprija.example", "demo-admin");
  await page.goto("/admin/import");
  await page.getByLabel("Municipality").selectOption({ label: "Ćuprija" });
  const csv = [
    "id;vrsta;opis;lat;lon;datum;stanje",
    "old-1;pothole;Rupa kod pijace;43.928;21.370;14.03.2025.;zatvoreno",
    "old-2;broken_street_light;Ne radi svetiljka;43.930;21.372;2025-04-02;u toku",
    "old-3;no_such_kind;Nepoznato;43.931;21.371;2025-04-03;novo",
  ].join("\n");
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "istorija.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByRole("group", { name: "Columns (3 rows)" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: /^Category code/ })).toHaveValue("vrsta");
  await page.getByRole("button", { name: "Check without importing" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "3 rows: 2 can be imported, 1 cannot." }),
  ).toBeVisible();
  await expect(
    page.getByText("Line 4: The category no_such_kind does not exist in this municipality."),
  ).toBeVisible();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Completed" })).toContainText(
    "3 of 3 rows: 2 imported, 0 already there, 1 failed.",
  );
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the rows that failed (CSV)" }).click();
  const file = await (await download).path();
  const text = (await import("node:fs")).readFileSync(file, "utf8");
  expect(text).toContain("old-3");
  expect(text).toContain("The category no_such_kind does not exist in this municipality.");
});
