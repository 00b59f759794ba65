import { describe, expect, it } from "vitest";
import { measureHostileMemory } from "../../helpers/memory-probe";

/**
 * The server is a child process (tests/helpers/memory-probe-server.ts) running the filing route's
 * body and image stages; its peak resident set is read from /proc before and after each attack.
 * Before the streaming limit a 200 MB chunked body grew it by ~410 MB (measured on this machine).
 */
describe("memory a hostile request costs the server", () => {
  it("stays within 80 MB on a 200 MB chunked body and on four filings with three 100 MP photos each", async () => {
    const result = await measureHostileMemory();
    console.log("[hostile-memory]", JSON.stringify(result));
    expect(result.chunkedStatus).toBe(413);
    expect(result.chunkedGainMb).toBeLessThan(80);
    expect(result.photoStatuses).toEqual([413, 413, 413, 413]);
    expect(result.photoGainMb).toBeLessThan(80);
  }, 180_000);
});
