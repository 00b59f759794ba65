import sharp from "sharp";
import { expect, test } from "./fixtures";
import { ModerationQueuePage, reportAbuse } from "./pages/moderation-pages";
import { signIn } from "./pages/staff-pages";

test.use({ viewport: { width: 1280, height: 900 } });

test("a visitor reports abuse; the desk moderator hides the photo from the moderation queue and the public no longer sees it", async ({
  browser,
  page,
}) => {
  const photo = await sharp({
    create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 40, b: 40 } },
  })
    .jpeg()
    .toBuffer();
  const visitor = await browser.newContext();
  const filed = await visitor.request.post("/api/reports?lang=en", {
    multipart: {
      data: JSON.stringify({
        serviceCode: "water_leak",
        position: [21.3705, 43.9291],
        description: "Curi voda iz šahta kod pijace.",
        answers: { gas_smell: "no" },
      }),
      photos: { name: "photo.jpg", mimeType: "image/jpeg", buffer: photo },
    },
    headers: { "x-forwarded-for": `198.18.1.${Math.floor(Math.random() * 250)}` },
  });
  expect(filed.status()).toBe(201);
  const code = (await filed.json()).trackingCode as string;

  const citizen = await visitor.newPage();
  await expect(async () => {
    await citizen.goto(`/reports/${code}?lang=en`);
    await expect(citizen.getByRole("heading", { name: "Photos" })).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await reportAbuse(citizen, code, "Personal data", "Vidi se lice deteta na slici.");
  await expect(citizen.getByRole("status").filter({ hasText: "A moderator will look" })).toBeVisible();

  await signIn(page, "agent@cuprija.example", "demo-agent");
  await expect(page.getByTestId("moderation-count")).not.toHaveText("0");
  await page.locator(`a[href="/staff/moderation"]`).click();
  const queue = new ModerationQueuePage(page);
  await expect(queue.item(code)).toContainText("Personal data");
  await expect(queue.item(code)).toContainText("Vidi se lice deteta na slici.");
  await queue.hidePhoto(code, 1, "Personal data", "lice deteta");
  // The step closes the report's flags, so it leaves the queue.
  await expect(queue.item(code)).toHaveCount(0);

  await citizen.goto(`/reports/${code}?lang=en`);
  await expect(citizen.getByRole("heading", { name: "Photos" })).toHaveCount(0);
  await visitor.close();

  // Staff still see the photo, marked hidden, and the history says who did it and why.
  await page.goto(`/staff/queue?scope=all`);
  await page.locator(`tr[data-code="${code}"]`).getByRole("link", { name: code }).click();
  const panel = page.getByTestId("moderation-panel");
  await expect(panel.getByText("Hidden", { exact: true })).toBeVisible();
  await expect(panel.getByTestId("moderation-history")).toContainText("Photo hidden");
  await expect(panel.getByTestId("moderation-history")).toContainText("lice deteta");
});

test("a visitor reports a consultation comment; the desk hides it from the moderation queue and the consultation keeps every decision in its history", async ({
  browser,
  page,
}) => {
  const sites = await (await page.request.get("/api/municipalities/cuprija/consultations")).json();
  const consultationId = sites.features[0].properties.id as number;

  const visitor = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.18.2.14" } });
  const citizen = await visitor.newPage();
  await citizen.goto(`/consultations/${consultationId}?lang=en`);
  const comment = citizen.getByTestId("consultation-comments").locator("li[data-comment]").first();
  const commentId = await comment.getAttribute("data-comment");
  await comment.getByRole("button", { name: "Report this comment" }).click();
  await comment.getByLabel("Reason").selectOption({ label: "Accuses a person" });
  await comment.getByLabel("Details (optional)").fill("Imenuje komšiju.");
  await comment.getByRole("button", { name: "Send to the moderators" }).click();
  await expect(comment.getByRole("status")).toContainText("A moderator will look");

  await signIn(page, "agent@cuprija.example", "demo-agent");
  await expect(page.getByTestId("moderation-count")).not.toHaveText("0");
  await page.goto("/staff/moderation");
  const item = page.getByTestId("moderation-consultation-comment").filter({ hasText: "Imenuje komšiju." });
  await expect(item).toContainText("Accuses a person");
  await item.getByLabel("Reason").selectOption({ label: "Accuses a person" });
  await item.getByLabel("Details (optional)").fill("ime komšije");
  await item.getByRole("button", { name: "Hide from the public" }).click();
  // The decision closes the comment's flags, so it leaves the queue.
  await expect(item).toHaveCount(0);

  await citizen.reload();
  await expect(
    citizen.getByTestId("consultation-comments").locator(`li[data-comment="${commentId}"]`),
  ).toContainText("This comment was removed by a moderator.");
  await visitor.close();

  // The staff page keeps who decided, what, why and the state before and after.
  await page.goto(`/staff/consultations/${consultationId}`);
  const history = page.locator(`li[data-comment="${commentId}"]`).getByTestId("comment-moderation-history");
  await history.getByText("Moderation history").click();
  await expect(history).toContainText("Comment hidden");
  await expect(history).toContainText("Accuses a person");
  await expect(history).toContainText("ime komšije");
  await expect(history).toContainText("Published → Published · hidden from the public");

  // A moderator may change their mind: shown again, the comment is public as before, and the
  // history keeps both decisions.
  const row = page.locator(`li[data-comment="${commentId}"]`);
  await row.getByLabel("Details (optional)").fill("provereno, bez imena");
  await row.getByRole("button", { name: "Show again" }).click();
  await expect(row.getByRole("button", { name: "Hide from the public" })).toBeVisible();
  await expect(row.getByTestId("comment-moderation-history")).toContainText("provereno, bez imena");
  await page.goto(`/consultations/${consultationId}?lang=en`);
  const shown = page.getByTestId("consultation-comments").locator(`li[data-comment="${commentId}"]`);
  await expect(shown.getByRole("button", { name: "Report this comment" })).toBeVisible();
  await expect(shown).not.toContainText("This comment was removed by a moderator.");
});
