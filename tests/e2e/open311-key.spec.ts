import { expect, test } from "./fixtures";
import { mailTo } from "./pages/mail";
import { signIn } from "./pages/staff-pages";

/**
 * Open311's key service end to end: a developer asks for a key in the browser, an administrator
 * approves it, the key arrives by e-mail (the local SMTP sink) and files a request.
 */
test("a developer asks for an Open311 key, an administrator approves it, and the key arrives and works", async ({
  page,
  request,
}) => {
  const email = `dev-${Date.now()}@apps.example`;
  const application = `Ćuprija Fix ${Date.now() % 100000}`;

  await page.goto("/developers/open311-key?lang=en");
  await expect(page.getByRole("heading", { name: "Open311 key for your application" })).toBeVisible();
  await page.getByLabel("Your name").fill("Milica Programer");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Application", { exact: true }).fill(application);
  // Too short: the server says which field and why, and nothing is asked yet.
  await page.getByLabel("What the application does").fill("An app");
  await page.getByRole("button", { name: "Ask for a key" }).click();
  const purpose = page.getByLabel("What the application does");
  await expect(purpose).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Describe the application in 20 to 2,000 characters.")).toBeVisible();
  await purpose.fill("A phone app for citizens that files potholes and leaks with a photo.");
  await page.getByRole("button", { name: "Ask for a key" }).click();
  await expect(page.getByRole("status")).toContainText("Your request is waiting for an administrator");

  await signIn(page, "admin@cuprija.example", "demo-admin");
  await page.goto("/admin/open311?lang=en");
  await page.getByRole("button", { name: `Approve ${application}` }).click();
  await expect(page.getByRole("button", { name: `Approve ${application}` })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: new RegExp(`${application} · approved`) })).toBeVisible();

  await expect.poll(() => mailTo(email, "o311_"), { timeout: 30_000 }).not.toBeNull();
  const key = /o311_[A-Za-z0-9_-]{32}/.exec(mailTo(email, "o311_")!)![0];

  const services = (await (await request.get("/open311/v2/services.json")).json()) as Array<{
    service_code: string;
  }>;
  const posted = await request.post("/open311/v2/requests.json", {
    form: {
      api_key: key,
      service_code: services[0]!.service_code,
      lat: "43.93",
      long: "21.37",
      description: "Filed by an application with an approved key",
    },
  });
  expect(posted.status(), await posted.text()).toBe(200);
  expect(
    ((await posted.json()) as Array<{ service_request_id: string }>)[0]!.service_request_id,
  ).toBeTruthy();
});
