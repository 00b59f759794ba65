import sharp from "sharp";
import { expect, test, type Browser } from "./fixtures";
import { signIn, StaffReportPage } from "./pages/staff-pages";

test.use({ viewport: { width: 1280, height: 900 } });

async function fileWaterLeak(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const response = await context.request.post("/api/reports?lang=en", {
    multipart: {
      data: JSON.stringify({
        serviceCode: "water_leak",
        position: [21.3701, 43.9289],
        description: "Voda izbija iz asfalta ispred opštine.",
        answers: { gas_smell: "no" },
        contact: { name: "Milena Građanka", email: "milena@mail.example", phone: "+381 64 7654321" },
      }),
    },
    headers: { "x-forwarded-for": `198.18.0.${Math.floor(Math.random() * 250)}` },
  });
  expect(response.status()).toBe(201);
  const code = (await response.json()).trackingCode as string;
  await context.close();
  return code;
}

test("staff sign in; the agent sees the reporter, the water utility takes the report through to resolution", async ({
  browser,
  page,
}) => {
  const code = await fileWaterLeak(browser);

  await signIn(page, "agent@cuprija.example", "demo-agent");
  await page.goto("/staff/queue?scope=all");
  await page.locator(`tr[data-code="${code}"]`).getByRole("link", { name: code }).click();
  await page.waitForURL(/\/staff\/reports\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(code);
  await expect(page.getByTestId("staff-contact")).toContainText("milena@mail.example");
  await expect(page.getByTestId("staff-holder")).toHaveText("Water and Sewage Utility");
  const reportUrl = page.url();

  const operator = await browser.newPage();
  await signIn(operator, "operator@cuprija.example", "demo-operator");
  await operator.goto(reportUrl);
  const view = new StaffReportPage(operator);
  await view.changeStatus("In progress", { publicText: "Ekipa je izašla na teren." });
  await expect(operator.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(view.status()).toHaveText("In progress");
  const photo = await sharp({
    create: { width: 640, height: 480, channels: 3, background: { r: 60, g: 60, b: 60 } },
  })
    .jpeg()
    .toBuffer();
  await view.changeStatus("Resolved", { publicText: "Cev je zamenjena, asfalt vraćen.", photo });
  await expect(view.status()).toHaveText("Resolved");
  await operator.close();

  // The citizen's page shows the public steps, not the people.
  await page.goto(`/reports/${code}`);
  await expect(page.getByText("Cev je zamenjena, asfalt vraćen.")).toBeVisible();
  // The photo of the repair is on the public page.
  await expect(page.getByRole("img", { name: "Photo 1 of the problem" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("Nikola Operater");
  await expect(page.locator("body")).not.toContainText("milena@mail.example");
});

test("two people acting on the same version: the second is told and sees the fresh state", async ({
  browser,
}) => {
  const code = await fileWaterLeak(browser);
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signIn(first, "agent@cuprija.example", "demo-agent");
  await signIn(second, "admin@cuprija.example", "demo-admin");
  await first.goto("/staff/queue?scope=all");
  await first.locator(`tr[data-code="${code}"]`).getByRole("link").click();
  await first.waitForURL(/\/staff\/reports\/\d+$/);
  await second.goto(first.url());

  await new StaffReportPage(first).changeStatus("Triaged");
  await expect(new StaffReportPage(first).status()).toHaveText("Triaged");
  await new StaffReportPage(second).changeStatus("Not our responsibility", {
    publicText: "Nije u nadležnosti opštine.",
  });
  await expect(
    second.getByRole("alert").filter({ hasText: "Someone else changed this report" }),
  ).toBeVisible();
  await expect(new StaffReportPage(second).status()).toHaveText("Triaged");
});

test("a signed-out visitor is sent to sign in, and a planner cannot open the work queue", async ({
  page,
}) => {
  await page.goto("/staff/queue");
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, "planner@cuprija.example", "demo-planner");
  await page.goto("/staff/queue");
  await expect(
    page.getByRole("alert").filter({ hasText: "Your role does not give access to this page." }),
  ).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("agent@cuprija.example");
  await page.getByLabel("Password").fill("guess");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "The email or password is not right." }),
  ).toBeVisible();
});
