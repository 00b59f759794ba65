/**
 * Writes the published map style's sprite and glyphs into public/map (npm run map:assets), so other
 * sites' maps and desktop renderers draw the reports as the app does, with no font or icon server on
 * the internet:
 *
 * - sprite.json / sprite.png and sprite@2x.*: the status-group shapes (lib/map/status-shapes.ts) in
 *   their colours, named `status-{group}` as in the page's map;
 * - glyphs/{fontstack}/{start}-{end}.pbf: signed-distance-field glyphs (24 px, 3 px buffer, radius 8,
 *   cutoff 0.25, as MapLibre's glyph shaders expect) from DejaVu Sans and DejaVu Sans Bold (Debian's
 *   fonts-dejavu-core), for the ranges Serbian in both scripts and English need.
 */
import fs from "node:fs";
import path from "node:path";
import opentype, { type Font, type Path } from "opentype.js";
import sharp, { type OverlayOptions } from "sharp";
import { STATUS_SHAPE_BOX, statusShapePaths } from "../lib/map/status-shapes";
import { statusGroupColours } from "../lib/map/style";
import { glyphFonts, glyphRanges } from "../lib/map/published/fonts";

const root = path.join(__dirname, "..");
const out = path.join(root, "public", "map");
const fontDir = process.env.DEJAVU_DIR ?? "/usr/share/fonts/truetype/dejavu";

// --- sprite -------------------------------------------------------------------------------------

async function writeSprite(pixelRatio: number) {
  const cell = (STATUS_SHAPE_BOX + 4) * pixelRatio;
  const groups = Object.keys(statusShapePaths) as Array<keyof typeof statusShapePaths>;
  const index: Record<string, object> = {};
  const parts: OverlayOptions[] = [];
  for (const [i, group] of groups.entries()) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${cell}" height="${cell}" viewBox="-2 -2 ${
      STATUS_SHAPE_BOX + 4
    } ${STATUS_SHAPE_BOX + 4}"><path d="${statusShapePaths[group]}" fill="${
      statusGroupColours[group]
    }" stroke="#ffffff" stroke-width="1.5"/></svg>`;
    parts.push({ input: Buffer.from(svg), left: i * cell, top: 0 });
    index[`status-${group}`] = { x: i * cell, y: 0, width: cell, height: cell, pixelRatio };
  }
  const suffix = pixelRatio === 1 ? "" : `@${pixelRatio}x`;
  await sharp({
    create: {
      width: cell * groups.length,
      height: cell,
      channels: 4,
      background: { r: 0, g: 0, b: 0, alpha: 0 },
    },
  })
    .composite(parts)
    .png()
    .toFile(path.join(out, `sprite${suffix}.png`));
  fs.writeFileSync(path.join(out, `sprite${suffix}.json`), `${JSON.stringify(index, null, 2)}\n`);
}

// --- glyphs -------------------------------------------------------------------------------------

const SIZE = 24;
const BUFFER = 3;
const RADIUS = 8;
const CUTOFF = 0.25;
const INF = 1e20;

type Segment = [number, number, number, number];

/** The outline as straight segments, in pixels with y downwards from the bitmap's top-left corner. */
function segments(glyphPath: Path, dx: number, dy: number): Segment[] {
  const lines: Segment[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  const to = (nx: number, ny: number) => {
    lines.push([x + dx, y + dy, nx + dx, ny + dy]);
    x = nx;
    y = ny;
  };
  for (const c of glyphPath.commands) {
    if (c.type === "M") {
      x = startX = c.x;
      y = startY = c.y;
    } else if (c.type === "L") to(c.x, c.y);
    else if (c.type === "Q") {
      const [x0, y0] = [x, y];
      for (let s = 1; s <= 8; s++) {
        const t = s / 8;
        const u = 1 - t;
        to(u * u * x0 + 2 * u * t * c.x1 + t * t * c.x, u * u * y0 + 2 * u * t * c.y1 + t * t * c.y);
      }
    } else if (c.type === "C") {
      const [x0, y0] = [x, y];
      for (let s = 1; s <= 10; s++) {
        const t = s / 10;
        const u = 1 - t;
        to(
          u * u * u * x0 + 3 * u * u * t * c.x1 + 3 * u * t * t * c.x2 + t * t * t * c.x,
          u * u * u * y0 + 3 * u * u * t * c.y1 + 3 * u * t * t * c.y2 + t * t * t * c.y,
        );
      }
    } else if (c.type === "Z") to(startX, startY);
  }
  return lines;
}

/** Coverage (0–1) of each pixel, 4×4 samples, non-zero winding. */
function coverage(lines: Segment[], width: number, height: number): Float64Array {
  const alpha = new Float64Array(width * height);
  const n = 4;
  for (let row = 0; row < height * n; row++) {
    const sy = (row + 0.5) / n;
    const crossings: Array<[number, number]> = [];
    for (const [x0, y0, x1, y1] of lines) {
      if (y0 === y1 || sy < Math.min(y0, y1) || sy >= Math.max(y0, y1)) continue;
      crossings.push([x0 + ((sy - y0) / (y1 - y0)) * (x1 - x0), y1 > y0 ? 1 : -1]);
    }
    crossings.sort((a, b) => a[0] - b[0]);
    const py = Math.floor(row / n);
    for (let col = 0; col < width * n; col++) {
      const sx = (col + 0.5) / n;
      let winding = 0;
      for (const [cx, dir] of crossings) if (cx < sx) winding += dir;
      if (winding !== 0) alpha[py * width + Math.floor(col / n)]! += 1 / (n * n);
    }
  }
  return alpha;
}

/** 1-D squared distance transform (Felzenszwalb & Huttenlocher), in place along a row or column. */
function edt1d(grid: Float64Array, offset: number, stride: number, length: number) {
  const f = new Float64Array(length);
  const v = new Int32Array(length);
  const z = new Float64Array(length + 1);
  for (let q = 0; q < length; q++) f[q] = grid[offset + q * stride]!;
  let k = 0;
  v[0] = 0;
  z[0] = -INF;
  z[1] = INF;
  for (let q = 1; q < length; q++) {
    let s: number;
    do {
      const r = v[k]!;
      s = (f[q]! - f[r]! + q * q - r * r) / (q - r) / 2;
    } while (s <= z[k]! && --k > -1);
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = INF;
  }
  for (let q = 0, j = 0; q < length; q++) {
    while (z[j + 1]! < q) j++;
    const r = v[j]!;
    grid[offset + q * stride] = f[r]! + (q - r) * (q - r);
  }
}

function edt(grid: Float64Array, width: number, height: number) {
  for (let x = 0; x < width; x++) edt1d(grid, x, width, height);
  for (let y = 0; y < height; y++) edt1d(grid, y * width, 1, width);
}

function sdf(alpha: Float64Array, width: number, height: number): Uint8Array {
  const outer = new Float64Array(width * height);
  const inner = new Float64Array(width * height);
  for (let i = 0; i < alpha.length; i++) {
    const a = alpha[i]!;
    outer[i] = a === 1 ? 0 : a === 0 ? INF : Math.max(0, 0.5 - a) ** 2;
    inner[i] = a === 0 ? 0 : a === 1 ? INF : Math.max(0, a - 0.5) ** 2;
  }
  edt(outer, width, height);
  edt(inner, width, height);
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) {
    const d = Math.sqrt(outer[i]!) - Math.sqrt(inner[i]!);
    data[i] = Math.max(0, Math.min(255, Math.round(255 - 255 * (d / RADIUS + CUTOFF))));
  }
  return data;
}

// Protocol buffers, the few wire types glyphs.proto uses.
function varint(value: number): number[] {
  const bytes: number[] = [];
  let v = value >>> 0;
  while (v > 127) {
    bytes.push((v & 127) | 128);
    v >>>= 7;
  }
  bytes.push(v);
  return bytes;
}
const zigzag = (n: number) => (n << 1) ^ (n >> 31);
const field = (tag: number, wire: number) => varint((tag << 3) | wire);
const uintField = (tag: number, value: number) => [...field(tag, 0), ...varint(value)];
const sintField = (tag: number, value: number) => [...field(tag, 0), ...varint(zigzag(value))];
const bytesField = (tag: number, bytes: ArrayLike<number>) => [
  ...field(tag, 2),
  ...varint(bytes.length),
  ...Array.from(bytes),
];

function glyphMessage(font: Font, codePoint: number): number[] | null {
  const glyph = font.charToGlyph(String.fromCodePoint(codePoint));
  if (!glyph || glyph.index === 0) return null;
  const scale = SIZE / font.unitsPerEm;
  const advance = Math.round((glyph.advanceWidth ?? 0) * scale);
  const ascender = Math.round(font.ascender * scale);
  const outline = glyph.getPath(0, 0, SIZE);
  const box = outline.getBoundingBox();
  const empty = !Number.isFinite(box.x1) || box.x2 <= box.x1 || box.y2 <= box.y1;
  let width = 0;
  let height = 0;
  let left = 0;
  let top = 0;
  let bitmap: Uint8Array | null = null;
  if (!empty) {
    // getPath's y grows downwards from the baseline.
    left = Math.floor(box.x1);
    const topPx = Math.floor(box.y1);
    width = Math.ceil(box.x2) - left;
    height = Math.ceil(box.y2) - topPx;
    top = -topPx - ascender;
    const w = width + 2 * BUFFER;
    const h = height + 2 * BUFFER;
    bitmap = sdf(coverage(segments(outline, BUFFER - left, BUFFER - topPx), w, h), w, h);
  }
  return [
    ...uintField(1, codePoint),
    ...(bitmap ? bytesField(2, bitmap) : []),
    ...uintField(3, width),
    ...uintField(4, height),
    ...sintField(5, left),
    ...sintField(6, top),
    ...uintField(7, advance),
  ];
}

function writeGlyphs() {
  for (const { name, file } of glyphFonts) {
    const font = opentype.parse(fs.readFileSync(path.join(fontDir, file)).buffer);
    const dir = path.join(out, "glyphs", name);
    fs.mkdirSync(dir, { recursive: true });
    for (const start of glyphRanges) {
      const range = `${start}-${start + 255}`;
      const glyphs: number[] = [];
      for (let cp = start; cp <= start + 255; cp++) {
        const message = glyphMessage(font, cp);
        if (message) glyphs.push(...bytesField(3, message));
      }
      const stack = [...bytesField(1, Buffer.from(name)), ...bytesField(2, Buffer.from(range)), ...glyphs];
      fs.writeFileSync(path.join(dir, `${range}.pbf`), Uint8Array.from(bytesField(1, stack)));
    }
    console.info(`[map] glyphs of ${name}: ${glyphRanges.length} ranges`);
  }
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  await writeSprite(1);
  await writeSprite(2);
  writeGlyphs();
  console.info(`[map] sprite and glyphs written to ${path.relative(root, out)}`);
}

void main();
