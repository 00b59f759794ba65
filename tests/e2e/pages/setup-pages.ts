import path from "node:path";
import { expect, type Page } from "@playwright/test";

const fixtures = path.resolve(__dirname, "../../fixtures/geodata");

/** The onboarding wizard at /admin/setup. */
export class SetupWizardPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/admin/setup");
    await expect(this.page.getByRole("heading", { level: 1, name: "Set up a municipality" })).toBeVisible();
  }

  step(name: string) {
    return this.page
      .getByRole("navigation", { name: "Setup steps" })
      .getByRole("button", { name: new RegExp(`^${name}`) });
  }

  async saveStep(): Promise<void> {
    await this.page.getByRole("button", { name: "Save and continue" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  }

  async upload(label: string, fixture: string): Promise<void> {
    await this.page.getByLabel(label).setInputFiles(path.join(fixtures, fixture));
  }

  /** The preview's summary line ("file (CRS): n correct, n repaired, n rejected."). */
  previewSummary() {
    return this.page.getByRole("status").filter({ hasText: "correct," });
  }

  previewMap() {
    return this.page.getByTestId("geodata-preview-map");
  }
}
