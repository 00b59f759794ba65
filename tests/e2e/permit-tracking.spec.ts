import { expect, test } from "./fixtures";
import { PermitFormPage } from "./pages/permit-pages";

/** A day in the municipality's time zone, as the date inputs take it. */
function belgradeDate(offsetDays: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Belgrade" }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}

test("an applicant applies online and follows the application with the receipt's key; the number alone shows nothing", async ({
  page,
}, testInfo) => {
  // A street corner of its own for each project, so the two runs do not conflict with each other.
  const west = 21.3702 + (testInfo.project.name === "phone" ? 0.002 : 0);
  await page.goto("/permits/apply");
  const form = new PermitFormPage(page);
  await page.getByLabel("Email").first().fill("jovana@mail.example");
  await form.fill({
    applicant: "Jovana Jovanović",
    kind: "Street occupancy",
    holder: "Jovana Jovanović",
    works: "Skela za krečenje fasade",
    from: belgradeDate(30),
    to: belgradeDate(40),
  });
  await form.importSite({
    type: "Polygon",
    coordinates: [
      [
        [west, 43.9335],
        [west + 0.0002, 43.9335],
        [west + 0.0002, 43.9336],
        [west, 43.9336],
        [west, 43.9335],
      ],
    ],
  });
  await page.getByRole("button", { name: "Submit the application" }).click();
  const receipt = page.getByTestId("permit-receipt");
  await expect(receipt).toContainText("Your application is registered under number");
  const reference = /number (\S+)\./.exec((await receipt.textContent())!)![1]!;
  const key = /key is ([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})/.exec(
    (await page.getByTestId("permit-tracking-key").textContent())!,
  )![1]!;

  await receipt.getByRole("link", { name: "Follow your application" }).click();
  const tracked = page.getByTestId("tracked-permit");
  await expect(tracked.getByRole("heading", { name: reference })).toBeVisible();
  await expect(tracked).toContainText("Applied");
  await expect(tracked).toContainText("Skela za krečenje fasade");
  await expect(tracked).not.toContainText("Jovana");

  // The number alone, typed into the form, shows nothing of an application the office has not granted.
  await page.goto("/permits/track");
  await page.getByLabel("Registry number").fill(reference);
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.locator("#permit-number-error")).toContainText(
    "No application with this number can be shown",
  );
  await expect(page.getByTestId("tracked-permit")).toHaveCount(0);

  // With the key as printed on the receipt, typed in lower case, it shows again.
  await page.getByLabel(/Tracking key/).fill(key.toLowerCase());
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByTestId("tracked-permit")).toContainText("Applied");
});
