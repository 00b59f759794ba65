import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "./fixtures";
import { signIn } from "./pages/staff-pages";

test.use({ viewport: { width: 1280, height: 900 } });

type PermitFeature = {
  geometry: { coordinates: number[][][][] };
  properties: { reference: string; kind: string; status: string; contractor: string | null };
};

const mailDir = path.join(__dirname, "..", "..", ".test-data", "e2e", "mail");

/** The addresses the SMTP sink has received mail for that mentions `marker`. */
function recipientsOf(marker: string): string[] {
  if (!fs.existsSync(mailDir)) return [];
  return fs
    .readdirSync(mailDir)
    .filter((f) => fs.readFileSync(path.join(mailDir, f), "latin1").includes(marker))
    .map((f) => f.replace(/^\d+-/, "").replace(/\.eml$/, ""));
}

async function activeWorksSites(request: APIRequestContext): Promise<PermitFeature[]> {
  const all = await (await request.get("/api/permits?bbox=21.2,43.8,21.6,44.1")).json();
  return (all.features as PermitFeature[]).filter(
    (f) => f.properties.status === "active" && ["excavation", "construction"].includes(f.properties.kind),
  );
}

async function file(request: APIRequestContext, serviceCode: string, position: number[], ip: string) {
  const response = await request.post("/api/reports?lang=en", {
    multipart: {
      data: JSON.stringify({
        serviceCode,
        position,
        description: "Iskopan kanal preko trotoara, bez ograde.",
      }),
    },
    headers: { "x-forwarded-for": ip },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).trackingCode as string;
}

test("a report inside an active works site shows the permit to staff and e-mails holder and contractor", async ({
  page,
}) => {
  const sites = await activeWorksSites(page.request);
  const permit = sites.find((s) => s.properties.contractor);
  expect(permit, "the demo has an active works site with a contractor").toBeDefined();
  const ring = permit!.geometry.coordinates[0]![0]!.slice(0, -1);
  const inside = [
    ring.reduce((s, p) => s + p[0]!, 0) / ring.length,
    ring.reduce((s, p) => s + p[1]!, 0) / ring.length,
  ];
  const code = await file(page.request, "pothole", inside, "198.18.9.1");

  await signIn(page, "agent@cuprija.example", "demo-agent");
  await page.goto(`/staff/queue?scope=all&q=${code}`);
  await page.locator(`tr[data-code="${code}"]`).getByRole("link", { name: code }).click();
  await page.waitForURL(/\/staff\/reports\/\d+$/);
  const covering = page.getByTestId("covering-permit").filter({ hasText: permit!.properties.reference });
  await expect(covering).toContainText(permit!.properties.contractor!);
  await expect(covering).toContainText(/valid .+ – .+;/);
  const permitUrl = await covering
    .getByRole("link", { name: permit!.properties.reference })
    .getAttribute("href");
  expect(permitUrl).toMatch(/^\/staff\/permits\/\d+$/);
  // The permits office sees the report on the permit's page.
  const officer = await page.context().browser()!.newPage();
  await signIn(officer, "permits@cuprija.example", "demo-permits");
  await officer.goto(permitUrl!);
  await expect(officer.getByRole("link", { name: code })).toBeVisible();
  await officer.close();

  // Through the outbox: the holder (the applicant's address) and the contractor.
  await expect
    .poll(() => recipientsOf(code), { timeout: 30_000 })
    .toEqual(expect.arrayContaining([expect.stringMatching(/^gradiliste@/)]));
  const recipients = recipientsOf(code);
  expect(recipients.some((r) => r.startsWith("dozvole@") || r.endsWith("@mail.example"))).toBe(true);
});

test("works reported where no permit covers the spot are flagged in the queue and raised in priority", async ({
  page,
}) => {
  const sites = await activeWorksSites(page.request);
  const corners = sites.flatMap((s) => s.geometry.coordinates.flat(2));
  // A spot in town at least ~300 m from every active works site's corner.
  const candidates = [
    [21.3612, 43.9381],
    [21.3805, 43.9372],
    [21.3668, 43.9215],
    [21.3841, 43.9262],
    [21.3551, 43.9302],
  ];
  const spot = candidates.find((c) =>
    corners.every((p) => Math.hypot((p[0]! - c[0]!) * 0.72, p[1]! - c[1]!) > 0.003),
  );
  expect(spot, "a spot away from every works site").toBeDefined();
  const code = await file(page.request, "unpermitted_digging", spot!, "198.18.9.2");

  await signIn(page, "agent@cuprija.example", "demo-agent");
  await page.goto(`/staff/queue?scope=all&q=${code}`);
  await expect(page.locator(`tr[data-code="${code}"]`).getByTestId("unpermitted-badge")).toHaveText(
    "No permit",
  );
  await page.goto("/staff/queue?scope=all");
  await page.getByRole("button", { name: "Only works without a covering permit" }).click();
  await page.waitForURL(/unpermitted=1/);
  await expect(page.locator(`tr[data-code="${code}"]`).getByTestId("unpermitted-badge")).toBeVisible();
  // Every row left is flagged.
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBe(await page.getByTestId("unpermitted-badge").count());

  await page.locator(`tr[data-code="${code}"]`).getByRole("link", { name: code }).click();
  await page.waitForURL(/\/staff\/reports\/\d+$/);
  await expect(page.getByTestId("permit-check")).toContainText("No active permit covers this spot");
  await expect(page.locator("dd").filter({ hasText: /^High$/ })).toBeVisible();
});
