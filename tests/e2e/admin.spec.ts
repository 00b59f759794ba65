import { expect, test } from "./fixtures";
import { OrganisationAdminPage } from "./pages/admin-pages";
import { signIn } from "./pages/staff-pages";

const centre: [number, number] = [21.3705, 43.9287];
const square = (d: number): [number, number][] => [
  [centre[0] - d, centre[1] - d],
  [centre[0] + d, centre[1] - d],
  [centre[0] + d, centre[1] + d],
  [centre[0] - d, centre[1] + d],
];
const polygon = (d: number) => ({ type: "Polygon", coordinates: [[...square(d), square(d)[0]]] });

test("an admin creates an organisation and gives it a service area, drawn on the map and then imported from a file", async ({
  page,
}) => {
  await signIn(page, "admin@cuprija.example", "demo-admin");
  await page.getByRole("link", { name: "Administration" }).click();
  await page.waitForURL(/\/admin\/organisations$/);
  await page.getByRole("link", { name: "New organisation" }).click();
  const code = `zelenilo-${Date.now().toString(36)}`;
  await page.getByLabel("Code").fill(code);
  await page.getByLabel(/^Name in Serbian/).fill("JKP Zelenilo");
  await page.getByLabel("Name in English").fill("Parks Company");
  await page.getByLabel("Kind").selectOption({ label: "Utility company" });
  await page.getByLabel("Sector").fill("parks");
  await page.getByRole("button", { name: "Create the organisation" }).click();
  await page.waitForURL(/\/admin\/organisations\/\d+\?created=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Parks Company");

  const organisation = new OrganisationAdminPage(page);
  await expect(page.getByTestId("service-area-status")).toHaveText("Whole municipality");
  await organisation.drawArea(square(0.0005));
  await expect(organisation.preview()).toContainText("1 polygon, 5 vertices");
  expect(await organisation.rendered("service-area-candidate-fill")).toBeGreaterThan(0);
  await organisation.saveArea();
  await expect(page.getByTestId("service-area-status")).toHaveText("Saved service area: 1 polygon.");
  await expect.poll(() => organisation.rendered("service-area-line")).toBeGreaterThan(0);

  // A bad file is refused with the reason and nothing changes.
  await organisation.importFile(
    "spomenik.geojson",
    JSON.stringify({ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: centre } }),
  );
  await expect(page.getByTestId("service-area-error")).toContainText("must be one or more polygons");
  await organisation.importFile("pokvaren.geojson", '{"type": "Polygon", "coordinates": [[');
  await expect(page.getByTestId("service-area-error")).toContainText("not well-formed");
  await organisation.importFile("daleko.geojson", JSON.stringify(polygon(1)));
  await expect(page.getByTestId("service-area-error")).toContainText("outside the municipality");

  await organisation.importFile(
    "zelenilo.geojson",
    JSON.stringify({
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { naziv: "centar" }, geometry: polygon(0.004) }],
    }),
  );
  await expect(organisation.preview()).toContainText("1 polygon, 5 vertices");
  await organisation.saveArea();
  await expect(page.getByText("service area of organisation").first()).toBeVisible();
  await page.goto("/admin/organisations");
  await expect(page.getByRole("row", { name: /Parks Company/ })).toContainText("5 vertices");
});

test("an admin creates a category, then a user with a role who signs in and must choose a password, and adds a holiday", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin@cuprija.example", "demo-admin");
  const suffix = Date.now().toString(36);

  await page.goto("/admin/categories/new");
  await page.getByLabel("Service code").fill(`bench_${suffix}`);
  await page.getByLabel(/^Name in Serbian/).fill("Polomljena klupa");
  await page.getByLabel("Name in English").fill(`Broken bench ${suffix}`);
  await page.getByLabel("Sector").fill("roads");
  await page.getByLabel("Service standard (working days)").fill("7");
  await page.getByLabel(/^Duplicate radius in metres/).fill("1000");
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.getByLabel("Code", { exact: true }).fill("park");
  await page.getByLabel("Text in Serbian (Latin script)").fill("Koji park?");
  await page.getByLabel("Text in English").fill("Which park?");
  await page.getByRole("button", { name: "Create the category" }).click();
  // Out of bounds: the field says so and points at its message.
  const radius = page.getByLabel(/^Duplicate radius in metres/);
  await expect(radius).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${await radius.getAttribute("aria-describedby")}`)).toHaveText(
    "Too long or too large.",
  );
  await radius.fill("40");
  await page.getByRole("button", { name: "Create the category" }).click();
  await page.waitForURL(/\/admin\/categories\?created=\d+$/);
  await expect(page.getByRole("row", { name: new RegExp(`Broken bench ${suffix}`) })).toContainText(
    "7 working days",
  );
  await expect(page.getByRole("row", { name: new RegExp(`Broken bench ${suffix}`) })).toContainText("40 m");

  await page.goto("/admin/users/new");
  const email = `inspektor.${suffix}@cuprija.example`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("Nikola Inspektor");
  await page.getByLabel("Initial password").fill("pocetna-lozinka-2026");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Inspector" });
  await page.getByLabel("Organisation").selectOption({ label: "Communal Inspectorate" });
  await page.getByRole("button", { name: "Create the account" }).click();
  await page.waitForURL(/\/admin\/users\/\d+\?created=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nikola Inspektor");

  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 800 } });
  const newcomer = await context.newPage();
  await newcomer.goto("/signin");
  await newcomer.getByLabel("Email").fill(email);
  await newcomer.getByLabel("Password").fill("pocetna-lozinka-2026");
  await newcomer.getByRole("button", { name: "Sign in" }).click();
  await newcomer.waitForURL(/\/password/);
  await newcomer.getByLabel("Current password").fill("pocetna-lozinka-2026");
  await newcomer.getByLabel("New password", { exact: true }).fill("moja-lozinka-za-teren");
  await newcomer.getByLabel("New password again").fill("moja-lozinka-za-teren");
  await newcomer.getByRole("button", { name: "Change the password" }).click();
  await newcomer.waitForURL(/\/staff\/(queue|field)/);
  await expect(newcomer.getByText("Signed in as Nikola Inspektor")).toBeVisible();
  await expect(newcomer.getByRole("link", { name: "Administration" })).toHaveCount(0);
  expect((await newcomer.goto("/admin/calendar"))!.status()).toBe(200);
  await expect(newcomer.getByText("Your role does not give access to this page.")).toBeVisible();
  await context.close();

  await page.goto("/admin/calendar?year=2027");
  await page.getByLabel("Date").fill("2027-03-10");
  await page.getByLabel("Local holiday (no work)").check();
  await page.getByLabel("Reason").fill("Dan opštine");
  await page.getByRole("button", { name: "Add to the calendar" }).click();
  const row = page.getByTestId("calendar-overrides").getByRole("row", { name: /Dan opštine/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText("instead of");
  await expect(page.getByText("calendar day").first()).toBeVisible();
});
