import { expect, test } from "./fixtures";
import { signIn } from "./pages/staff-pages";
import { PermitFormPage, StaffPermitPage } from "./pages/permit-pages";

test.use({ viewport: { width: 1280, height: 900 } });

/** Today and a later day in the municipality's time zone, as the date inputs take them. */
function belgradeDate(offsetDays = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Belgrade" }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}

// A street block in the town centre; the site is about 60 m × 45 m around it.
const centre: [number, number] = [21.3652, 43.9318];
const corners: [number, number][] = [
  [centre[0] - 0.0004, centre[1] - 0.0002],
  [centre[0] + 0.0004, centre[1] - 0.0002],
  [centre[0] + 0.0004, centre[1] + 0.0002],
  [centre[0] - 0.0004, centre[1] + 0.0002],
];

test("a permit officer draws an excavation site and grants it; a pothole reported inside shows the permit; an event over it raises the conflict", async ({
  page,
  browser,
}) => {
  await signIn(page, "permits@cuprija.example", "demo-permits");
  await page.goto("/staff/permits/new");
  const form = new PermitFormPage(page);
  await form.fill({
    applicant: "Vodovod Morava d.o.o.",
    holder: "Vodovod Morava d.o.o.",
    contractor: "Niskogradnja Ćuprija",
    works: "Raskopavanje kolovoza radi zamene vodovodne cevi",
    from: belgradeDate(0),
    to: belgradeDate(20),
  });
  await form.drawSite(corners);
  await page.getByRole("button", { name: "Register" }).click();
  await page.waitForURL(/\/staff\/permits\/\d+\?saved=1$/);
  const heading = (await page.getByRole("heading", { level: 1 }).textContent())!;
  const reference = heading.replace("Permit", "").trim();
  expect(reference).toMatch(/^344-\d{3,}\/\d{4}-IV$/);
  const permitUrl = page.url().replace("?saved=1", "");

  const view = new StaffPermitPage(page);
  await expect(view.status()).toHaveText("Applied");
  await view.step("Start the review", "Under review");
  await view.step("Grant", "Granted");
  await view.step("Works started", "Works in progress");

  // A citizen reports a pothole inside the site.
  const citizen = await browser.newContext();
  const filed = await citizen.request.post("/api/reports?lang=en", {
    multipart: {
      data: JSON.stringify({
        serviceCode: "pothole",
        position: centre,
        description: "Rupa u asfaltu kod raskopanog dela ulice.",
      }),
    },
    headers: { "x-forwarded-for": `198.18.1.${Math.floor(Math.random() * 250)}` },
  });
  expect(filed.status()).toBe(201);
  const code = (await filed.json()).trackingCode as string;
  const citizenPage = await citizen.newPage();
  await citizenPage.goto(`/reports/${code}`);
  const notice = citizenPage.getByTestId("permit-notice").filter({ hasText: reference });
  await expect(notice).toContainText("Works are permitted here until");
  await expect(notice).toContainText("by Vodovod Morava d.o.o.");
  await citizen.close();

  // The permit's history has the report.
  await page.goto(permitUrl);
  await expect(page.getByRole("link", { name: code })).toBeVisible();

  // An event over the same street in the same weeks, imported as GeoJSON with the keyboard.
  await page.goto("/staff/permits/new");
  await form.fill({
    applicant: "Turistička organizacija Ćuprija",
    kind: "Public event",
    holder: "Turistička organizacija Ćuprija",
    works: "Ulični festival",
    from: belgradeDate(5),
    to: belgradeDate(6),
  });
  await form.importSite({
    type: "Feature",
    properties: {},
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          corners[0],
          [centre[0], centre[1] - 0.0002],
          [centre[0], centre[1] + 0.0002],
          corners[3],
          corners[0],
        ],
      ],
    },
  });
  await page.getByRole("button", { name: "Register" }).click();
  await page.waitForURL(/\/staff\/permits\/\d+\?saved=1$/);
  const conflicts = page.getByTestId("permit-conflicts");
  await expect(conflicts).toContainText(/Conflicts with \d+ other permits?/);
  await expect(conflicts.getByRole("link", { name: reference })).toBeVisible();
  // The conflicting site is drawn on the map too, beside the new one, with the area in common.
  const map = page.getByTestId("permits-map");
  await expect(map).toHaveAttribute("data-conflicts", /[1-9]/);
  await expect(map).toHaveAttribute("data-conflicts-drawn", /[1-9]/, { timeout: 30_000 });
  await map.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "docs/images/permit-conflict-after.png" });
});

test("a bad site is refused with its reason and nothing is registered", async ({ page }) => {
  await signIn(page, "permits@cuprija.example", "demo-permits");
  const before = (await (await page.request.get("/api/staff/permits")).json()).permits.length as number;
  await page.goto("/staff/permits/new");
  const form = new PermitFormPage(page);
  await form.fill({
    applicant: "Firma d.o.o.",
    holder: "Firma d.o.o.",
    works: "Skela",
    from: belgradeDate(1),
    to: belgradeDate(3),
  });
  // A bow tie: its outline crosses itself.
  await form.importSite({
    type: "Polygon",
    coordinates: [[corners[0], corners[2], corners[1], corners[3], corners[0]]],
  });
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByTestId("permit-form-error")).toHaveText(
    "The outline crosses itself. Draw it without crossing lines.",
  );
  const after = (await (await page.request.get("/api/staff/permits")).json()).permits.length as number;
  expect(after).toBe(before);
});
