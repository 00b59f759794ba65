// Lighthouse (mobile, its default) over the public pages and the field app, in Debian's Chromium
// with the e2e suite's flags: two runs per page, the median kept, results to bench/results/.
//
//   BASE_URL=http://127.0.0.1:3225 node bench/lighthouse.mjs [label]
//
// The app must be running (e.g. `E2E_PORT=3225 node scripts/e2e-server.mjs` or `next start`) with
// the demo data; /staff/field is measured signed in as the demo field operator.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const base = (process.env.BASE_URL ?? "http://127.0.0.1:3225").replace(/\/$/, "");
const label = process.argv[2] ?? "after";
const runs = Number(process.env.RUNS ?? 2);
// The same flags as tests/helpers/chromium.ts (kept in step by hand: this is plain Node).
const chromeFlags = [
  "--headless",
  "--no-sandbox",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--ignore-gpu-blocklist",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** A session cookie for a demo staff account, through next-auth's credentials sign-in. */
async function signIn(email, password) {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrfResponse.json();
  const cookies = (csrfResponse.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const all = [...cookies, ...(response.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0])];
  if (!all.some((c) => c.includes("session-token"))) throw new Error(`sign-in as ${email} failed`);
  return all.join("; ");
}

/** A public report's page: the newest report in the demo town. */
async function someReportPath() {
  const body = await (await fetch(`${base}/api/reports?bbox=21.33,43.90,21.42,43.96`)).json();
  const code = body.features?.[0]?.properties?.code;
  if (!code) throw new Error("no public report found for the report page");
  return `/reports/${code}`;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** JavaScript transferred (gzipped bytes on the wire), from the run's network requests. */
function scriptBytes(lhr) {
  const requests = lhr.audits["network-requests"]?.details?.items ?? [];
  if (requests.length)
    return requests
      .filter((r) => r.resourceType === "Script")
      .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  const items = lhr.audits["resource-summary"]?.details?.items ?? [];
  return items.find((i) => i.resourceType === "script")?.transferSize ?? null;
}

const pages = [
  { name: "/", path: "/" },
  { name: "/report", path: "/report" },
  { name: "report page", path: await someReportPath() },
  {
    name: "/staff/field",
    path: "/staff/field",
    cookie: await signIn("operator@cuprija.example", "demo-operator"),
  },
  { name: "/track", path: "/track" },
  { name: "/charter", path: "/charter" },
  { name: "/open-data", path: "/open-data" },
];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags,
});
const results = [];
try {
  for (const page of pages) {
    const samples = [];
    for (let run = 0; run < runs; run++) {
      const { lhr } = await lighthouse(
        `${base}${page.path}`,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance"],
          extraHeaders: page.cookie ? { cookie: page.cookie } : undefined,
        },
        undefined,
      );
      samples.push({
        performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
        tbtMs: Math.round(lhr.audits["total-blocking-time"].numericValue),
        lcpMs: Math.round(lhr.audits["largest-contentful-paint"].numericValue),
        scriptBytes: scriptBytes(lhr),
      });
      console.log(`[lighthouse] ${page.name} run ${run + 1}: ${JSON.stringify(samples.at(-1))}`);
    }
    results.push({
      page: page.name,
      path: page.path,
      runs: samples,
      performance: median(samples.map((s) => s.performance)),
      tbtMs: median(samples.map((s) => s.tbtMs)),
      lcpMs: median(samples.map((s) => s.lcpMs)),
      scriptKiB: Math.round(median(samples.map((s) => s.scriptBytes ?? 0)) / 1024),
    });
  }
} finally {
  await chrome.kill();
}

const dir = path.join(root, "bench", "results");
fs.mkdirSync(dir, { recursive: true });
const at = new Date().toISOString();
fs.writeFileSync(
  path.join(dir, `lighthouse-${label}.json`),
  `${JSON.stringify({ label, at, base, runs, results }, null, 2)}\n`,
);
const table = [
  `Lighthouse mobile (${label}, ${at}, ${runs} runs, median)`,
  "",
  "| page | performance | TBT ms | LCP ms | JS KiB (transferred) |",
  "|---|---|---|---|---|",
  ...results.map((r) => `| ${r.page} | ${r.performance} | ${r.tbtMs} | ${r.lcpMs} | ${r.scriptKiB} |`),
  "",
].join("\n");
fs.writeFileSync(path.join(dir, `lighthouse-${label}.md`), table);
console.log(table);
