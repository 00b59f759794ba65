import { expect, test } from "./fixtures";
import en from "../../messages/en.json";

// A citizen on a phone (issue 18): the demo consultation, reached from the header's menu.
test.skip(({ isMobile }) => !isMobile, "phone viewport only");

test("a citizen comments on the demo consultation from a phone and is told it waits for a moderator (Ćuprija reads comments first)", async ({
  page,
}) => {
  await page.goto("/en");
  await page.getByRole("banner").getByRole("button", { name: en.nav.menu, exact: true }).click();
  await page
    .getByRole("navigation", { name: en.nav.primary })
    .getByRole("link", { name: en.nav.consultations })
    .click();
  await page.waitForURL(/\/consultations$/);
  await expect(page.getByRole("heading", { level: 1, name: en.consultations.title })).toBeVisible();
  await page.getByRole("link", { name: "Uređenje pešačke zone u centru Ćuprije" }).click();
  await page.waitForURL(/\/consultations\/\d+$/);
  await expect(page.getByTestId("consultation-status")).toHaveText(en.consultations.open);
  // The seeded answer is public.
  await expect(page.getByText("Postojeće lipe ostaju", { exact: false })).toBeVisible();

  const text = `Predlažem česmu sa pitkom vodom kod klupa (${Date.now()}).`;
  await page.getByLabel(en.consultations.commentBody).fill(text);
  await page.getByLabel(en.consultations.commentEmail).fill("gradjanka@example.org");
  await page.getByRole("button", { name: en.consultations.commentSubmit }).click();
  await expect(page.getByTestId("consultation-comment-result")).toHaveText(en.consultations.commentHeld);

  // Held: not on the public page after a reload, and the e-mail address never is.
  await page.reload();
  await expect(page.getByTestId("consultation-comments")).toBeVisible();
  await expect(page.getByText(text)).toHaveCount(0);
  await expect(page.getByText("gradjanka@example.org")).toHaveCount(0);

  // Every shown comment can be reported to the moderators, as report comments can.
  // (A comment a moderator removed is shown as removed, with nothing left to report.)
  const comments = page
    .getByTestId("consultation-comments")
    .getByRole("listitem")
    .filter({ hasNotText: en.consultations.commentHiddenPublic });
  await expect(
    page.getByTestId("consultation-comments").getByRole("button", { name: en.moderation.reportCommentAbuse }),
  ).toHaveCount(await comments.count());
  const first = comments.first();
  await first.getByRole("button", { name: en.moderation.reportCommentAbuse }).click();
  await first.getByLabel(en.moderation.reasonLabel).selectOption("off_topic");
  await first.getByLabel(en.moderation.noteLabel).fill("Ne odnosi se na pešačku zonu.");
  await first.getByRole("button", { name: en.moderation.sendAbuse }).click();
  await expect(first.getByRole("status")).toHaveText(en.moderation.abuseThanks);

  // The printable summary counts the public comments and answers.
  await page.getByRole("link", { name: en.consultations.summaryLink }).click();
  await page.waitForURL(/\/summary$/);
  await expect(page.getByTestId("count-published")).toHaveText("2");
  await expect(page.getByTestId("count-answered")).toHaveText("1");
  // Grouped by the themes the office gave the comments, each with its count.
  await expect(page.getByTestId("consultation-themes").getByRole("row")).toHaveCount(3);
  await expect(page.getByTestId("consultation-themes")).toContainText("Drveće i klupe");
  await expect(page.getByTestId("consultation-theme-group")).toHaveCount(2);
});
