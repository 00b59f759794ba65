import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { GET as assetGet, OPTIONS as assetOptions } from "../../../app/api/map/[asset]/route";
import { GET as glyphGet } from "../../../app/api/map/glyphs/[fontstack]/[range]/route";
import { GET as tileJsonGet } from "../../../app/api/tiles/[layer]/route";

const get = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(new URL(path, "http://maps.city.example"), {
    headers: { host: "maps.city.example", origin: "http://other.example", ...headers },
  });
const asset = (name: string, headers?: Record<string, string>) =>
  assetGet(get(`/api/map/${name}`, headers), { params: Promise.resolve({ asset: name }) });
const glyphs = (fontstack: string, range: string) =>
  glyphGet(get(`/api/map/glyphs/${encodeURIComponent(fontstack)}/${range}`), {
    params: Promise.resolve({ fontstack: encodeURIComponent(fontstack), range }),
  });

/** Code points of the glyphs in a glyphs.proto message (stacks → glyphs → id), read by hand. */
function glyphIds(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  const varint = (b: Uint8Array, at: { i: number }) => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = b[at.i++]!;
      value += (byte & 127) * 2 ** shift;
      if (byte < 128) return value;
      shift += 7;
    }
  };
  const messages = (b: Uint8Array, visit: (tag: number, body: Uint8Array | number) => void) => {
    const at = { i: 0 };
    while (at.i < b.length) {
      const key = varint(b, at);
      if ((key & 7) === 2) {
        const length = varint(b, at);
        visit(key >> 3, b.subarray(at.i, at.i + length));
        at.i += length;
      } else visit(key >> 3, varint(b, at));
    }
  };
  messages(bytes, (tag, stack) => {
    if (tag !== 1 || typeof stack === "number") return;
    messages(stack, (field, glyph) => {
      if (field !== 3 || typeof glyph === "number") return;
      messages(glyph, (g, value) => {
        if (g === 1 && typeof value === "number") ids.push(value);
      });
    });
  });
  return ids;
}

describe("the published map style for other sites", () => {
  it("is a valid MapLibre style whose URLs are absolute, on this server, and reach no other host", async () => {
    const res = await asset("style.json", { "x-forwarded-proto": "https" });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const style = (await res.json()) as Record<string, unknown> & {
      sources: Record<string, { url: string }>;
      layers: Array<{ id: string; layout?: Record<string, unknown> }>;
    };
    expect(validateStyleMin(style as never)).toEqual([]);
    expect(style.sprite).toBe("https://maps.city.example/api/map/sprite");
    expect(style.glyphs).toBe("https://maps.city.example/api/map/glyphs/{fontstack}/{range}.pbf");
    expect(Object.values(style.sources).map((s) => s.url)).toEqual([
      "https://maps.city.example/api/tiles/districts.json",
      "https://maps.city.example/api/tiles/permits.json",
      "https://maps.city.example/api/tiles/shapes.json",
      "https://maps.city.example/api/tiles/reports.json",
    ]);
    const urls = JSON.stringify(style).match(/https?:\/\/[^"]+/g) ?? [];
    expect(urls.every((u) => u.startsWith("https://maps.city.example/"))).toBe(true);
    // Single reports use the sprite's status shapes, clusters and codes the glyphs.
    const reports = style.layers.find((l) => l.id === "reports")!;
    expect(reports.layout!["icon-image"]).toEqual(["concat", "status-", ["get", "status_group"]]);
    // Each source's TileJSON exists.
    for (const layer of ["districts", "permits", "shapes", "reports"]) {
      const tileJson = await tileJsonGet(get(`/api/tiles/${layer}.json`), {
        params: Promise.resolve({ layer: `${layer}.json` }),
      });
      expect(tileJson.status).toBe(200);
    }
  });

  it("serves a sprite at both pixel ratios whose images match its index", async () => {
    for (const suffix of ["", "@2x"]) {
      const index = (await (await asset(`sprite${suffix}.json`)).json()) as Record<
        string,
        { x: number; y: number; width: number; height: number; pixelRatio: number }
      >;
      expect(Object.keys(index).sort()).toEqual([
        "status-closed",
        "status-in_progress",
        "status-open",
        "status-resolved",
      ]);
      const png = await asset(`sprite${suffix}.png`);
      expect(png.headers.get("content-type")).toBe("image/png");
      expect(png.headers.get("access-control-allow-origin")).toBe("*");
      const meta = await sharp(Buffer.from(await png.arrayBuffer())).metadata();
      const right = Math.max(...Object.values(index).map((i) => i.x + i.width));
      expect(meta.width).toBe(right);
      expect(Object.values(index).every((i) => i.pixelRatio === (suffix ? 2 : 1))).toBe(true);
    }
    expect((await asset("sprite@3x.png")).status).toBe(404);
    expect((await asset("../../package.json")).status).toBe(404);
  });

  it("serves SDF glyphs for Latin, Serbian Latin and Cyrillic letters, and nothing for unknown fonts", async () => {
    const latin = await glyphs("DejaVu Sans Bold,Arial Unicode MS Regular", "0-255.pbf");
    expect(latin.status).toBe(200);
    expect(latin.headers.get("content-type")).toBe("application/x-protobuf");
    expect(latin.headers.get("access-control-allow-origin")).toBe("*");
    expect(glyphIds(new Uint8Array(await latin.arrayBuffer()))).toEqual(expect.arrayContaining([48, 65, 97]));
    const extended = glyphIds(
      new Uint8Array(await (await glyphs("DejaVu Sans", "256-511.pbf")).arrayBuffer()),
    );
    expect(extended).toEqual(expect.arrayContaining(["Č", "ć", "đ", "š", "ž"].map((c) => c.codePointAt(0)!)));
    const cyrillic = glyphIds(
      new Uint8Array(await (await glyphs("DejaVu Sans", "1024-1279.pbf")).arrayBuffer()),
    );
    expect(cyrillic).toEqual(expect.arrayContaining(["Ћ", "ђ", "Ж", "љ", "џ"].map((c) => c.codePointAt(0)!)));
    // A range not generated is an empty set; unknown fonts and malformed ranges are 404.
    const empty = await glyphs("DejaVu Sans", "19968-20223.pbf");
    expect(empty.status).toBe(200);
    expect(glyphIds(new Uint8Array(await empty.arrayBuffer()))).toEqual([]);
    expect((await glyphs("Comic Sans", "0-255.pbf")).status).toBe(404);
    expect((await glyphs("DejaVu Sans", "0-300.pbf")).status).toBe(404);
    expect((await glyphs("DejaVu Sans", "../0-255.pbf")).status).toBe(404);
  });

  it("answers a browser's preflight from another origin", async () => {
    const res = await assetOptions();
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});
