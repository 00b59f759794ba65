/**
 * Time in Debian's Chromium (the e2e suite's flags) from navigation to the first report features
 * MapLibre has drawn: the home map opened on a view (`?at=lng,lat,zoom`), polled with
 * queryRenderedFeatures on the reports and cluster layers, as the e2e tests read the map.
 */
import { chromium } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../tests/helpers/chromium";
import { median } from "./measure";

export type FirstFeatures = { runsMs: number[]; medianMs: number; features: number; view: string };

export async function timeFirstFeatures(input: {
  url: string;
  at: [number, number, number];
  runs: number;
}): Promise<FirstFeatures> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  const view = `${input.at[0].toFixed(5)},${input.at[1].toFixed(5)},${input.at[2]}`;
  const runsMs: number[] = [];
  let features = 0;
  try {
    // One navigation first, elsewhere, so the server's compiled page and the browser's code are warm
    // the way they are for a returning visitor; the measured views' tiles are not in any cache.
    for (let run = -1; run < input.runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const target = run < 0 ? `${input.url}/?at=21.37,43.93,9` : `${input.url}/?at=${view}`;
      await page.goto(target, { waitUntil: "commit" });
      // performance.now() counts from the navigation's start (the page's time origin).
      const at = await page.waitForFunction(
        () => {
          type Feature = { properties: Record<string, unknown> };
          const map = (
            window as unknown as {
              civicMap?: {
                queryRenderedFeatures: (o: object) => Feature[];
                getLayer: (id: string) => unknown;
              };
            }
          ).civicMap;
          if (!map || !map.getLayer("reports")) return null;
          const drawn = map.queryRenderedFeatures({ layers: ["reports", "report-clusters"] });
          return drawn.length > 0 ? { ms: performance.now(), n: drawn.length } : null;
        },
        undefined,
        { polling: 20, timeout: 60_000 },
      );
      const value = (await at.jsonValue()) as { ms: number; n: number };
      if (run >= 0) {
        runsMs.push(Number(value.ms.toFixed(0)));
        features = value.n;
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { runsMs, medianMs: median(runsMs), features, view };
}
