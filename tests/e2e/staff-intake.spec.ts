import { expect, test } from "./fixtures";
import { signIn } from "./pages/staff-pages";

test.use({ viewport: { width: 1280, height: 900 } });

test("an agent answers 'where is my request?' from the caller's history and takes a new request seen live by a colleague", async ({
  browser,
}) => {
  const phone = `+381 64 ${String(Date.now()).slice(-7)}`;
  const citizen = await browser.newContext();
  const earlier = await citizen.request.post("/api/reports?lang=en", {
    multipart: {
      data: JSON.stringify({
        serviceCode: "broken_street_light",
        position: [21.368, 43.926],
        description: "Ne radi sijalica.",
        contact: { name: "Stari Pozivalac", phone },
      }),
    },
    headers: { "x-forwarded-for": `198.18.1.${Math.floor(Math.random() * 250)}` },
  });
  const earlierCode = (await earlier.json()).trackingCode as string;
  await citizen.close();

  const colleague = await browser.newPage();
  await signIn(colleague, "admin@cuprija.example", "demo-admin");
  await colleague.goto("/staff/queue?scope=all");
  await expect(colleague.getByTestId("live-updates")).toHaveAttribute("data-connected", "true");
  const beforeUpdates = Number(await colleague.getByTestId("live-updates").getAttribute("data-updates"));

  const agent = await browser.newPage();
  await signIn(agent, "agent@cuprija.example", "demo-agent");
  await agent.goto("/staff/intake");
  await agent.getByPlaceholder("Caller's phone or email").fill(phone.replace(/\s/g, ""));
  await agent.getByRole("button", { name: "Find" }).click();
  await expect(agent.getByTestId("caller-history")).toContainText(earlierCode);
  await expect(agent.getByTestId("caller-history")).toContainText("Broken street light");
  await expect(agent.getByLabel("Name", { exact: true })).toHaveValue("Stari Pozivalac");

  await agent.getByRole("combobox", { name: /search for a street/i }).fill("autobus");
  await agent.getByRole("listbox").getByRole("option").first().click();
  await agent.getByLabel("Category").selectOption({ label: "Pothole" });
  await expect(agent.getByTestId("routing-preview")).toContainText("Goes to Road Maintenance – Town");
  await agent.getByLabel("What the caller says").fill("Rupa kod autobuske stanice, pozvao telefonom.");
  await agent.getByRole("button", { name: "File the request" }).click();
  const filed = agent.getByRole("status").filter({ hasText: "Read the number to the caller" });
  await expect(filed).toBeVisible();
  const code = (await filed.textContent())!.match(/[2-9A-Z]{4}-[2-9A-Z]{4}/)![0];
  // The number to read out is in view, and the form is clean for the next caller.
  await expect(filed).toBeInViewport();
  await expect(agent.getByLabel("What the caller says")).toHaveValue("");
  await expect(agent.getByLabel("Category")).toHaveValue("");
  await expect(agent.getByLabel("Name", { exact: true })).toHaveValue("");
  await expect(agent.getByTestId("caller-history")).toHaveCount(0);
  await agent.getByRole("button", { name: "Next caller" }).click();
  await expect(agent.getByPlaceholder("Caller's phone or email")).toBeFocused();
  await expect(filed).toHaveCount(0);

  // The colleague's queue shows it without a reload.
  await expect(colleague.locator(`tr[data-code="${code}"]`)).toBeVisible({ timeout: 15_000 });
  expect(Number(await colleague.getByTestId("live-updates").getAttribute("data-updates"))).toBeGreaterThan(
    beforeUpdates,
  );
});
