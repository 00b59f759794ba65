import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  handleFixedLength,
  wantsFixedLength,
  withoutOgcTrailingSlash,
} from "../../../scripts/fixed-length.mjs";

const body = Buffer.from(JSON.stringify({ type: "FeatureCollection", features: "x".repeat(5_000) }));

/**
 * Answers as Next's request handler does: headers set one by one, the body written in chunks with
 * no Content-Length, the handler's promise settled only once the answer has finished.
 */
function nextLike(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    res.on("finish", () => resolve());
    const path = req.url ?? "/";
    if (path.startsWith("/api/tiles/unchanged")) {
      res.statusCode = 304;
      res.end();
      return;
    }
    if (path.startsWith("/api/tiles/partial")) {
      res.statusCode = 206;
      res.setHeader("content-range", "bytes 0-3/10");
      res.end(Buffer.from("abcd"));
      return;
    }
    res.statusCode = 200;
    res.setHeader("content-type", "application/geo+json");
    res.setHeader("x-seen-method", req.method ?? "");
    res.setHeader("x-seen-encoding", req.headers["accept-encoding"] ?? "none");
    setTimeout(() => {
      res.write(body.subarray(0, 1000));
      setTimeout(() => res.end(body.subarray(1000)), 5);
    }, 5);
  });
}

describe("whole answers with their length for outside clients (scripts/fixed-length.mjs)", () => {
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => void handleFixedLength(req, res, nextLike));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** A raw request (fetch would decompress and hide the framing). */
  const request = (path: string, method = "GET", headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request(`${base}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on("error", reject);
      req.end();
    });

  it("sends a chunked answer whole with its Content-Length and no chunked framing", async () => {
    const res = await request("/open-data/reports.geojson");
    expect(res.status).toBe(200);
    expect(res.headers["content-length"]).toBe(String(body.byteLength));
    expect(res.headers["transfer-encoding"]).toBeUndefined();
    expect(res.headers["accept-ranges"]).toBe("bytes");
    expect(res.body.equals(body)).toBe(true);
    // Next is asked for the identity encoding, so the length is of the bytes it wrote.
    expect(res.headers["x-seen-encoding"]).toBe("none");
  });

  it("answers HEAD with the GET's length and no body", async () => {
    const res = await request("/open-data/reports.geojson", "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers["content-length"]).toBe(String(body.byteLength));
    expect(res.headers["x-seen-method"]).toBe("GET");
    expect(res.body.byteLength).toBe(0);
  });

  it("cuts single byte ranges (206) and refuses one past the end (416)", async () => {
    const first = await request("/api/ogc/collections", "GET", { range: "bytes=0-99" });
    expect(first.status).toBe(206);
    expect(first.headers["content-range"]).toBe(`bytes 0-99/${body.byteLength}`);
    expect(first.body.equals(body.subarray(0, 100))).toBe(true);
    const suffix = await request("/api/ogc/collections", "GET", { range: "bytes=-10" });
    expect(suffix.body.equals(body.subarray(body.byteLength - 10))).toBe(true);
    const past = await request("/api/ogc/collections", "GET", { range: `bytes=${body.byteLength}-` });
    expect(past.status).toBe(416);
    expect(past.headers["content-range"]).toBe(`bytes */${body.byteLength}`);
    expect(past.headers["content-length"]).toBe("0");
  });

  it("gzips for a client that accepts it, with the compressed length, and never a range", async () => {
    const res = await request("/api/map/style.json", "GET", { "accept-encoding": "gzip, br" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["content-length"]).toBe(String(res.body.byteLength));
    expect(gunzipSync(res.body).equals(body)).toBe(true);
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    const ranged = await request("/api/map/style.json", "GET", {
      "accept-encoding": "gzip",
      range: "bytes=0-9",
    });
    expect(ranged.headers["content-encoding"]).toBeUndefined();
    expect(ranged.body.equals(body.subarray(0, 10))).toBe(true);
  });

  it("passes a handler's own 206 and a 304 through", async () => {
    const partial = await request("/api/tiles/partial/1/1/1.mvt", "GET", { range: "bytes=0-3" });
    expect(partial.status).toBe(206);
    expect(partial.headers["content-length"]).toBe("4");
    expect(partial.body.toString()).toBe("abcd");
    const unchanged = await request("/api/tiles/unchanged/1/1/1.mvt");
    expect(unchanged.status).toBe(304);
    expect(unchanged.body.byteLength).toBe(0);
  });

  it("covers tiles, OGC, open data, catalogues and the map style, and nothing else", () => {
    for (const path of [
      "/api/tiles/reports/14/1/2.mvt",
      "/api/ogc",
      "/api/ogc/collections/reports/items",
      "/open-data/reports.geojson",
      "/api/open-data/catalog",
      "/api/3/action/package_list",
      "/api/map/glyphs/DejaVu%20Sans/0-255.pbf",
    ])
      expect(wantsFixedLength(path), path).toBe(true);
    for (const path of ["/", "/api/reports", "/open311/v2/requests.json", "/api/ogcx", "/open-data"])
      expect(wantsFixedLength(path), path).toBe(false);
  });

  it("answers OGC paths with a trailing slash in place, keeping the query", () => {
    expect(withoutOgcTrailingSlash("/api/ogc/")).toBe("/api/ogc");
    expect(withoutOgcTrailingSlash("/api/ogc/collections/?f=json")).toBe("/api/ogc/collections?f=json");
    expect(withoutOgcTrailingSlash("/api/ogc/collections/reports/items/")).toBe(
      "/api/ogc/collections/reports/items",
    );
    expect(withoutOgcTrailingSlash("/report/")).toBe("/report/");
    expect(withoutOgcTrailingSlash("/api/ogc")).toBe("/api/ogc");
  });
});
