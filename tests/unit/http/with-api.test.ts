import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "../../../lib/errors";
import { withApi } from "../../../lib/http";

const ctx = { params: Promise.resolve({}) };
const req = (lang: string) => new NextRequest(`http://localhost/api/x?lang=${lang}`);

describe("withApi", () => {
  it("maps a domain error to its status and a message in the caller's language", async () => {
    const handler = withApi(async () => {
      throw new AppError({ code: "not_found", messageKey: "municipalityNotFound" });
    });
    const en = await handler(req("en"), ctx);
    expect(en.status).toBe(404);
    expect(await en.json()).toEqual({
      error: { code: "not_found", message: "No municipality with that code is served here." },
    });
    const cyr = await handler(req("sr-Cyrl"), ctx);
    expect((await cyr.json()).error.message).toBe("Општина са том ознаком није обухваћена овом услугом.");
  });

  it("names report statuses by their label in the caller's language", async () => {
    const handler = withApi(async () => {
      throw new AppError({
        code: "conflict",
        messageKey: "illegalTransition",
        details: { from: "received", to: "closed" },
      });
    });
    const response = await handler(req("sr-Latn"), ctx);
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toBe(
      "Prijava sa statusom „Primljeno“ ne može da pređe u „Zatvoreno“.",
    );
  });

  it("answers invalid input with 422 and the failing fields", async () => {
    const handler = withApi(async () => {
      z.object({ description: z.string().max(5) }).parse({ description: "too long text" });
      return new Response();
    });
    const response = await handler(req("en"), ctx);
    expect(response.status).toBe(422);
    expect((await response.json()).error.details.fields).toEqual([{ path: "description", issue: "too_big" }]);
  });

  it("hides unexpected errors behind a generic message and logs them", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const handler = withApi(async () => {
      throw new Error("connection to 10.0.0.5 failed: password authentication failed for user civic");
    });
    const response = await handler(req("en"), ctx);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("password");
    expect(JSON.parse(text).error.message).toMatch(/went wrong/);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
