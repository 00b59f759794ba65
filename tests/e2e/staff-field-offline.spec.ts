import { expect, test, type BrowserContext, type Page } from "./fixtures";
import type { FieldBundle } from "../../lib/reports/get-field-bundle";
import { signIn } from "./pages/staff-pages";

/** An inspector's phone at the town centre, with the field app opened online once (installed, list stored). */
async function openFieldApp(
  browser: import("@playwright/test").Browser,
  email: string,
  password: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    geolocation: { longitude: 21.3705, latitude: 43.9287 },
    permissions: ["geolocation"],
    serviceWorkers: "allow",
  });
  const page = await context.newPage();
  await signIn(page, email, password);
  await page.goto("/staff/field");
  await expect(page.getByTestId("field-list").getByRole("listitem").nth(1)).toBeVisible();
  // The service worker controls the page and has kept the app's files.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        if (!navigator.serviceWorker.controller) return 0;
        const names = await caches.keys();
        const shell = names.find((n) => n.startsWith("field-shell-"));
        return shell ? (await (await caches.open(shell)).keys()).length : 0;
      }),
    )
    .toBeGreaterThan(5);
  return { context, page };
}

async function bundle(page: Page): Promise<FieldBundle> {
  const res = await page.request.get("/api/staff/field/bundle?lang=en");
  expect(res.ok()).toBe(true);
  return (await res.json()) as FieldBundle;
}

async function openReport(page: Page, code: string) {
  await page.getByRole("button", { name: `Open report ${code}` }).click();
  await expect(page.getByTestId("field-report")).toHaveAttribute("data-code", code);
}

test("an inspector works offline on two reports and files one; back online, all three arrive once", async ({
  browser,
}) => {
  const { context, page } = await openFieldApp(browser, "inspector@cuprija.example", "demo-inspector");
  const before = await bundle(page);
  const [a, b] = before.items
    .filter((i) => before.reports[i.id]!.transitions.includes("in_progress"))
    .slice(0, 2);
  expect(a && b, "two reports the inspector can start").toBeTruthy();
  const stamp = Date.now().toString(36);

  await context.setOffline(true);
  // The app opens with no connection: the page from the service worker, the list from the phone.
  await page.reload();
  await expect(page.getByTestId("field-app")).toHaveAttribute("data-connection", "offline");
  await expect(page.getByTestId("field-list").locator(`li[data-code="${a!.code}"]`)).toBeVisible();
  expect(
    await page.evaluate(() =>
      fetch("/api/health").then(
        () => "reached",
        () => "unreachable",
      ),
    ),
  ).toBe("unreachable");

  await openReport(page, a!.code);
  await page.getByLabel("New status").selectOption({ label: "In progress" });
  await page.getByLabel("Internal note (staff only)").first().fill(`Na licu mesta ${stamp}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("field-report")).toHaveAttribute("data-status", "in_progress");
  await expect(page.getByTestId("field-waiting")).toHaveCount(1);
  await page.getByRole("button", { name: "Back to the list" }).click();

  await openReport(page, b!.code);
  await page.getByLabel("Internal note (staff only)").last().fill(`Potrebna mehanizacija ${stamp}`);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("button", { name: "Back to the list" }).click();

  await page.getByText("Report a new problem here").click();
  await page.getByRole("button", { name: "Use my location" }).click();
  await page.getByLabel("Problem").selectOption({ label: "Illegal dumping" });
  await page.getByLabel("What you found").fill(`Šut uz obalu reke ${stamp}`);
  await page.getByRole("button", { name: "File the report" }).click();
  await expect(page.getByTestId("field-app")).toHaveAttribute("data-waiting", "3");
  await expect(page.getByTestId("field-connection")).toContainText("3 changes are waiting to be sent.");

  // One answer gets lost on the way back (the server applied it): the queue sends it again later.
  let lost = 0;
  await context.route(`**/api/staff/reports/${a!.id}/actions`, async (route) => {
    if (lost++ === 0) {
      await route.fetch();
      await route.abort("connectionreset");
    } else await route.continue();
  });

  await context.setOffline(false);
  await expect(page.getByTestId("field-app")).toHaveAttribute("data-waiting", "0", { timeout: 45_000 });
  expect(lost).toBeGreaterThanOrEqual(2);
  // The repeat was recognised by its key: answered as applied, not refused as out of date.
  await expect(page.getByTestId("field-held")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Filed as" })).toBeVisible();

  const after = await bundle(page);
  const trailA = after.reports[a!.id]!.timeline;
  expect(after.reports[a!.id]!.status).toBe("in_progress");
  expect(trailA.filter((e) => e.kind === "status_changed" && e.toStatus === "in_progress")).toHaveLength(1);
  expect(trailA.filter((e) => e.internalNote === `Na licu mesta ${stamp}`)).toHaveLength(1);
  expect(
    after.reports[b!.id]!.timeline.filter((e) => e.internalNote === `Potrebna mehanizacija ${stamp}`),
  ).toHaveLength(1);
  const filed = Object.values(after.reports).filter((r) => r.description === `Šut uz obalu reke ${stamp}`);
  expect(filed).toHaveLength(1);
  expect(filed[0]!.channel).toBe("field");
  await context.close();
});

test("a report changed by the desk while the crew was offline shows as a conflict the crew resolves", async ({
  browser,
}) => {
  const { context, page } = await openFieldApp(browser, "inspector@cuprija.example", "demo-inspector");
  const before = await bundle(page);
  const target = before.items.find((i) => before.reports[i.id]!.canNote)!;
  const seen = before.reports[target.id]!;
  const stamp = Date.now().toString(36);

  await context.setOffline(true);
  await openReport(page, target.code);
  await page.getByLabel("Internal note (staff only)").last().fill(`Zatečeno stanje ${stamp}`);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByTestId("field-waiting")).toHaveCount(1);

  // Meanwhile the contact centre adds its own note on the server.
  const desk = await browser.newContext();
  const deskPage = await desk.newPage();
  await signIn(deskPage, "agent@cuprija.example", "demo-agent");
  const deskNote = await deskPage.request.post(`/api/staff/reports/${target.id}/actions`, {
    data: {
      expectedVersion: seen.version,
      action: { type: "note", internalNote: `Građanin ponovo zvao ${stamp}` },
    },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(deskNote.status()).toBe(200);
  await desk.close();

  await context.setOffline(false);
  const held = page.getByTestId("field-held");
  await expect(held).toContainText(
    `Report ${target.code} was changed by someone else while you were offline`,
  );
  await expect(page.getByTestId("field-app")).toHaveAttribute("data-waiting", "0");
  // Nothing of the crew's was applied yet.
  expect(
    (await bundle(page)).reports[target.id]!.timeline.filter(
      (e) => e.internalNote === `Zatečeno stanje ${stamp}`,
    ),
  ).toHaveLength(0);

  await held.getByRole("button", { name: "Send my changes on top of the current state" }).click();
  await expect(held).toHaveCount(0);
  await expect
    .poll(
      async () =>
        (await bundle(page)).reports[target.id]!.timeline.filter(
          (e) => e.internalNote === `Zatečeno stanje ${stamp}`,
        ).length,
    )
    .toBe(1);
  await context.close();
});

test("an inspector lands in the field app in Serbian; offline, a reload keeps the language, Belgrade dates and the map; back online, the change shows as sent", async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    geolocation: { longitude: 21.3705, latitude: 43.9287 },
    permissions: ["geolocation"],
    serviceWorkers: "allow",
  });
  const page = await context.newPage();
  const failures: string[] = [];
  page.on("console", (m) => {
    if (/Worker failed to load/i.test(m.text())) failures.push(m.text());
  });
  page.on("pageerror", (e) => {
    if (/Worker failed to load/i.test(e.message)) failures.push(e.message);
  });
  // Serbian chosen in the address; the workspace opens on the crew's own app.
  await page.goto("/sr-Latn/signin");
  await page.getByLabel("E-pošta").fill("inspector@cuprija.example");
  await page.getByLabel("Lozinka").fill("demo-inspector");
  await page.getByRole("button", { name: "Prijavi se" }).click();
  await page.waitForURL(/\/staff\/field$/);
  const list = page.getByTestId("field-list").getByRole("listitem");
  await expect(list.first()).toBeVisible();
  // The first report is above the fold on a 390×844 phone.
  await expect(list.first()).toBeInViewport();
  // The phone works the list; the crew asks for the map (remembered, so it comes back offline too).
  await expect(page.getByTestId("field-map")).toHaveCount(0);
  await page.getByRole("button", { name: "Prikaži mapu" }).click();
  await expect(page.getByTestId("field-map")).toHaveAttribute("data-ready", "true");
  await expect
    .poll(() =>
      page.evaluate(async () => {
        // Landed by a client-side redirect, the page itself may not be controlled yet; a reload is.
        if (!(await navigator.serviceWorker.getRegistration("/staff/field"))?.active) return 0;
        const shell = (await caches.keys()).find((n) => n.startsWith("field-shell-"));
        if (!shell) return 0;
        const cache = await caches.open(shell);
        const pageCopy = await cache.match("/staff/field");
        const html = pageCopy ? await pageCopy.text() : "";
        return html.includes('lang="sr-Latn"') && (await cache.match("/staff/field/maplibre-gl-worker.mjs"))
          ? 1
          : 0;
      }),
    )
    .toBe(1);
  const first = await list.first().getAttribute("data-code");
  await page.screenshot({ path: "docs/images/field-offline-before.png" });

  await context.setOffline(true);
  await page.reload();
  const connection = page.getByTestId("field-connection");
  await expect(connection).toContainText("Nema veze");
  // Serbian dates in Belgrade time ("2. 12. 2026. 14:21"), not "12/2/26, 1:21 PM".
  await expect(connection).toContainText(/\d{1,2}\. ?\d{1,2}\. ?\d{2,4}\.? \d{1,2}:\d{2}/);
  await expect(connection).not.toContainText(/AM|PM/);
  await expect(page.locator("html")).toHaveAttribute("lang", "sr-Latn");
  // The map draws from the cache: its worker loads, and the crew's reports are on it.
  await expect(page.getByTestId("field-map")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  expect(Number(await page.getByTestId("field-map").getAttribute("data-drawn"))).toBeGreaterThan(0);
  expect(failures).toEqual([]);
  await page.screenshot({ path: "docs/images/field-offline-after.png" });

  await page.getByRole("button", { name: `Otvori prijavu ${first}` }).click();
  await page.getByLabel("Interna beleška (samo za zaposlene)").last().fill(`Offline beleška ${Date.now()}`);
  await page.getByRole("button", { name: "Dodaj", exact: true }).click();
  await page.getByRole("button", { name: "Nazad na spisak" }).click();
  await expect(page.getByTestId("field-app")).toHaveAttribute("data-waiting", "1");

  await context.setOffline(false);
  await expect(page.getByTestId("field-app")).toHaveAttribute("data-waiting", "0", { timeout: 45_000 });
  await expect(page.getByTestId("field-notice")).toContainText("Poslato: 1 izmena je stigla u kancelariju.");
  await expect(connection).toContainText("Na vezi.");
  await context.close();
});
