import { expect, test } from "./fixtures";
import { mailTo } from "./pages/mail";
import { openSiteMenu } from "./pages/site-header";

test("a citizen signs in with a link sent by e-mail and finds the report they filed earlier under My reports", async ({
  page,
  request,
}, info) => {
  const email = `gradjanin-${info.project.name}-${Date.now()}@example.org`;
  const filed = await request.post("/api/reports?lang=en", {
    multipart: {
      data: JSON.stringify({
        serviceCode: "pothole",
        position: [21.369, 43.927],
        description: "Rupa ispred škole.",
        contact: { email },
      }),
    },
    headers: { "x-forwarded-for": `198.18.2.${Math.floor(Math.random() * 250)}` },
  });
  expect(filed.status()).toBe(201);
  const code = (await filed.json()).trackingCode as string;

  await page.goto("/?lang=en");
  await openSiteMenu(page);
  await expect(
    page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "My reports" }),
  ).toHaveAttribute("href", "/account");
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "My reports" })).toBeVisible();
  await page.getByLabel("E-mail address").fill("not-an-address");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.locator("p[role=alert]")).toHaveText("Enter a valid e-mail address.");
  await expect(page.getByLabel("E-mail address")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("a sign-in link is on its way");

  await expect
    .poll(() => mailTo(email, "/account/verify?token="), { timeout: 20_000 })
    .toContain("/account/verify?token=");
  const link = /https?:\/\/\S+\/account\/verify\?token=[A-Za-z0-9_-]+/.exec(
    mailTo(email, "/account/verify?token=")!,
  )![0];
  const { pathname, search } = new URL(link);
  await page.goto(pathname + search);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("my-reports").locator(`li[data-code="${code}"]`)).toContainText(
    "Filed by you",
  );
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  // The link worked once.
  await page.goto(pathname + search);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("p[role=alert]")).toContainText("This link does not work any more");
});
