import path from "node:path";
import { expect, test, type Browser, type Page } from "./fixtures";
import { signIn } from "./pages/staff-pages";

/**
 * The staff manuals' screenshots (docs/images/<locale>/), taken from the running app on every e2e
 * run, so the manuals show the screens as they are. Each shot waits for the screen's own content.
 */
const images = path.join(__dirname, "..", "..", "docs", "images");

type Shot = { name: string; path: string; ready: (page: Page) => Promise<void>; phone?: boolean };

const roles: Array<{ email: string; password: string; shots: Shot[] }> = [
  {
    email: "agent@cuprija.example",
    password: "demo-agent",
    shots: [
      {
        name: "intake",
        path: "/staff/intake",
        ready: async (p) => void (await expect(p.locator("main h1")).toBeVisible()),
      },
      {
        name: "queue",
        path: "/staff/queue",
        ready: async (p) => void (await expect(p.locator("tbody tr").first()).toBeVisible()),
      },
    ],
  },
  {
    email: "inspector@cuprija.example",
    password: "demo-inspector",
    shots: [
      {
        name: "field",
        path: "/staff/field",
        phone: true,
        ready: async (p) =>
          void (await expect(p.getByTestId("field-list").getByRole("listitem").first()).toBeVisible()),
      },
    ],
  },
  {
    email: "operator@cuprija.example",
    password: "demo-operator",
    shots: [
      {
        name: "utility",
        path: "/staff/utility",
        ready: async (p) => void (await expect(p.locator("tbody tr").first()).toBeVisible()),
      },
    ],
  },
  {
    email: "permits@cuprija.example",
    password: "demo-permits",
    shots: [
      {
        name: "permits",
        path: "/staff/permits",
        ready: async (p) => void (await expect(p.locator("tbody tr").first()).toBeVisible()),
      },
      {
        name: "permit-new",
        path: "/staff/permits/new",
        ready: async (p) => void (await expect(p.locator("main form").first()).toBeVisible()),
      },
    ],
  },
  {
    email: "planner@cuprija.example",
    password: "demo-planner",
    shots: [
      {
        name: "analytics",
        path: "/staff/analytics",
        ready: async (p) => void (await expect(p.locator(".recharts-wrapper").first()).toBeVisible()),
      },
    ],
  },
  {
    email: "admin@cuprija.example",
    password: "demo-admin",
    shots: [
      {
        name: "admin-organisations",
        path: "/admin/organisations",
        ready: async (p) => void (await expect(p.locator("main h1")).toBeVisible()),
      },
      {
        name: "admin-setup",
        path: "/admin/setup",
        ready: async (p) => void (await expect(p.locator("main h1")).toBeVisible()),
      },
    ],
  },
];

async function shoot(browser: Browser, locale: "en" | "sr-Latn", role: (typeof roles)[number]) {
  for (const phone of [false, true]) {
    const shots = role.shots.filter((s) => Boolean(s.phone) === phone);
    if (shots.length === 0) continue;
    const context = await browser.newContext({
      viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
      geolocation: { longitude: 21.3705, latitude: 43.9287 },
      permissions: ["geolocation"],
    });
    const page = await context.newPage();
    await signIn(page, role.email, role.password);
    for (const shot of shots) {
      await page.goto(`/${locale}${shot.path}`);
      await shot.ready(page);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: path.join(images, locale, `${shot.name}.png`) });
    }
    await context.close();
  }
}

for (const locale of ["en", "sr-Latn"] as const) {
  test(`the manuals' screenshots of every role's screens (${locale})`, async ({ browser }) => {
    for (const role of roles) await shoot(browser, locale, role);
  });
}
