import { describe, expect, it } from "vitest";
import { findControlCharacter, hasControlCharacter } from "../../../lib/request/clean-text";
import { readBodyBytes, readJson } from "../../../lib/request/read-body";

describe("control characters in submitted text", () => {
  it("allows tabs, line breaks and any letter, and refuses NUL, other C0 controls, DEL and lone surrogates", () => {
    expect(hasControlCharacter("Karađorđeva 10\tЋуприја\r\n😀")).toBe(false);
    for (const bad of ["\u0000", "a\u0001b", "\u000b", "\u001f", "\u007f", "\ud800", "x\udc00"]) {
      expect(hasControlCharacter(bad), JSON.stringify(bad)).toBe(true);
    }
  });

  it("names the path of the first field that holds one, keys included", () => {
    expect(findControlCharacter({ contact: { name: "Ana" }, answers: { depth: ["ok", "b\u0000"] } })).toBe(
      "answers.depth.1",
    );
    expect(findControlCharacter({ ["k\u0002"]: 1 })).toBe("k\u0002");
    expect(findControlCharacter({ a: 1, b: null, c: "fine" })).toBeNull();
  });
});

describe("reading a request body within a limit", () => {
  const post = (body: BodyInit | ReadableStream, headers: Record<string, string> = {}) =>
    new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

  it("refuses a declared length over the limit without reading", async () => {
    await expect(
      readBodyBytes(post("x".repeat(10), { "content-length": "10" }), { maxBytes: 5 }),
    ).rejects.toMatchObject({ code: "payload_too_large" });
  });

  it("stops pulling a chunked body as soon as it passes the limit", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1024;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    await expect(readBodyBytes(post(stream), { maxBytes: 10 * 1024 })).rejects.toMatchObject({
      code: "payload_too_large",
    });
    expect(pulled).toBeLessThanOrEqual(12 * 1024);
  });

  it("parses JSON, answers null for what is not JSON, and 422 for a NUL inside a string", async () => {
    expect(await readJson(post('{"a":"b"}'))).toEqual({ a: "b" });
    expect(await readJson(post("not json"))).toBeNull();
    await expect(readJson(post('{"note":"a\\u0000"}'))).rejects.toMatchObject({
      code: "unprocessable",
      details: { field: "note" },
    });
  });
});
