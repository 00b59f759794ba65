import { expect, type Page } from "@playwright/test";

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/staff/);
}

/** The staff view of one report. */
export class StaffReportPage {
  constructor(readonly page: Page) {}

  status() {
    return this.page.getByTestId("staff-status");
  }

  async changeStatus(
    to: string,
    texts: { publicText?: string; internalNote?: string; photo?: Buffer } = {},
  ): Promise<void> {
    await this.page.getByLabel("New status").selectOption({ label: to });
    if (texts.publicText)
      await this.page.getByLabel("Message to the citizen (public)").fill(texts.publicText);
    if (texts.internalNote)
      await this.page.getByLabel("Internal note (staff only)").first().fill(texts.internalNote);
    if (texts.photo)
      await this.page
        .getByLabel("Photos of the work (up to 3)")
        .setInputFiles({ name: "work.jpg", mimeType: "image/jpeg", buffer: texts.photo });
    await this.page.getByRole("button", { name: "Save" }).click();
  }

  async assignTo(organisation: string): Promise<void> {
    await this.page.getByLabel("Organisation").selectOption({ label: organisation });
    await this.page.getByRole("button", { name: "Assign" }).click();
  }
}
