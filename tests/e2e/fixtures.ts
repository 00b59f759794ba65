import { createHash } from "node:crypto";
import { test as base } from "@playwright/test";

export { expect } from "@playwright/test";
export type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";

/**
 * Each test's pages and requests come from an address of their own (198.18.0.0/15, the range kept for
 * benchmarking), as citizens on different phones would. The suite files many reports from this one
 * machine; sharing one address, a test would meet the per-address submission limit only because of the
 * tests that ran before it in the same ten-minute window. The last X-Forwarded-For entry is the one
 * counted.
 */
export function addressOf(testId: string, project: string): string {
  const digest = createHash("sha256").update(`${project}:${testId}`).digest();
  return `198.${18 + (digest[0]! & 1)}.${digest[1]!}.${1 + (digest[2]! % 254)}`;
}

export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, testInfo) => {
    await provide({
      ...extraHTTPHeaders,
      "x-forwarded-for": addressOf(testInfo.testId, testInfo.project.name),
    });
  },
});
