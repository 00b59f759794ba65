import { afterEach, describe, expect, it, vi } from "vitest";
import { apiFetch, readApiError } from "@/lib/client/api-fetch";

afterEach(() => vi.unstubAllGlobals());

const answer = (status: number, body: unknown) =>
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );

describe("the browser's API call", () => {
  it("sends JSON and returns the answer's data", async () => {
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) => new Response('{"id":7}', { status: 201 }),
    );
    vi.stubGlobal("fetch", fetch);
    expect(await apiFetch<{ id: number }>("/api/x", { method: "POST", json: { a: 1 } })).toEqual({
      ok: true,
      status: 201,
      data: { id: 7 },
    });
    const init = fetch.mock.calls[0]![1]!;
    expect(init.body).toBe('{"a":1}');
    expect((init.headers as Record<string, string>)["content-type"]).toBe("application/json");
  });

  it("reads the app's error shape: code, message in the user's language, details", async () => {
    answer(409, {
      error: { code: "conflict", message: "Netko je izmenio prijavu.", details: { currentVersion: 3 } },
    });
    expect(await apiFetch("/api/x")).toEqual({
      ok: false,
      status: 409,
      code: "conflict",
      message: "Netko je izmenio prijavu.",
      details: { currentVersion: 3 },
    });
  });

  it("says there was no answer when the connection fails, and no message when the body is not the app's", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    expect(await apiFetch("/api/x")).toMatchObject({ ok: false, status: null, message: null });
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("<html>Bad gateway</html>", { status: 502 })),
    );
    expect(await apiFetch("/api/x")).toMatchObject({ ok: false, status: 502, message: null, code: null });
  });

  it("reads the same error shape from a response fetched directly (a streamed download that was refused)", async () => {
    const refused = new Response(
      JSON.stringify({ error: { code: "too_many", message: "Previše izvoza." } }),
      {
        status: 429,
      },
    );
    expect(await readApiError(refused)).toEqual({
      ok: false,
      status: 429,
      code: "too_many",
      message: "Previše izvoza.",
      details: null,
    });
    expect(await readApiError(new Response("", { status: 500 }))).toMatchObject({
      status: 500,
      message: null,
    });
  });
});
