import type { Page } from "@playwright/test";

/** The public "report abuse" form under a public report. */
export async function reportAbuse(page: Page, code: string, reason: string, note: string): Promise<void> {
  await page.goto(`/reports/${code}?lang=en`);
  await page.getByRole("button", { name: "Report abuse" }).click();
  const form = page.getByRole("form", { name: "Report abuse" });
  await form.getByLabel("Reason").selectOption({ label: reason });
  await form.getByLabel("Details (optional)").fill(note);
  await form.getByRole("button", { name: "Send to the moderators" }).click();
}

/** The staff moderation queue and one flagged report in it. */
export class ModerationQueuePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/staff/moderation");
  }

  item(code: string) {
    return this.page.getByTestId("moderation-item").filter({ hasText: code });
  }

  /** Hides photo n of the report with a reason from the list and a note. */
  async hidePhoto(code: string, n: number, reason: string, note: string): Promise<void> {
    const item = this.item(code);
    await item.getByRole("button", { name: `Hide photo ${n}` }).click();
    const form = item.getByRole("form", { name: `Hide photo ${n}` });
    await form.getByLabel("Reason").selectOption({ label: reason });
    await form.getByLabel("Details (optional)").fill(note);
    await form.getByRole("button", { name: "Confirm" }).click();
  }
}
