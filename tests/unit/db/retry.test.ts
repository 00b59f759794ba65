import { describe, expect, it } from "vitest";
import { isConnectionLoss, retryOnConnectionLoss } from "../../../db/retry";

const lost = Object.assign(new Error("Connection terminated unexpectedly"), {});
const shutdown = Object.assign(new Error("terminating connection due to administrator command"), {
  code: "57P01",
});

describe("retrying work cut by a database failover", () => {
  it("recognises lost connections by SQLSTATE, socket code or message, also when wrapped", () => {
    expect(isConnectionLoss(lost)).toBe(true);
    expect(isConnectionLoss(shutdown)).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error("read only"), { code: "25006" }))).toBe(true);
    expect(isConnectionLoss(new Error("Failed query: insert …", { cause: shutdown }))).toBe(true);
  });

  it("does not take a wrong statement, a constraint or a refusal for a lost connection", () => {
    expect(isConnectionLoss(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isConnectionLoss(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
    expect(isConnectionLoss(new Error("category not offered"))).toBe(false);
    expect(isConnectionLoss(undefined)).toBe(false);
  });

  it("repeats the work after growing pauses until it succeeds", async () => {
    let calls = 0;
    const pauses: number[] = [];
    const result = await retryOnConnectionLoss(
      async () => {
        calls++;
        if (calls < 4) throw lost;
        return "filed";
      },
      { sleep: async (ms) => void pauses.push(ms), firstDelayMs: 100, maxDelayMs: 300 },
    );
    expect(result).toBe("filed");
    expect(calls).toBe(4);
    expect(pauses).toEqual([100, 200, 300]);
  });

  it("passes other errors through at once", async () => {
    let calls = 0;
    await expect(
      retryOnConnectionLoss(async () => {
        calls++;
        throw new Error("category not offered");
      }),
    ).rejects.toThrow("category not offered");
    expect(calls).toBe(1);
  });

  it("gives up with the last error once the deadline has passed", async () => {
    let clock = 0;
    let calls = 0;
    await expect(
      retryOnConnectionLoss(
        async () => {
          calls++;
          throw shutdown;
        },
        { deadlineMs: 1_000, now: () => clock, sleep: async (ms) => void (clock += ms), maxDelayMs: 400 },
      ),
    ).rejects.toBe(shutdown);
    // 100 + 200 + 400 = 700 ms of pauses; the next (400) would pass 1 s.
    expect(calls).toBe(4);
  });
});
