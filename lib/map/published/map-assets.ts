import "server-only";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "../../errors";
import { glyphFonts, glyphRanges } from "./fonts";

/** Written by `npm run map:assets` (scripts/build-map-assets.ts) and kept in the repository. */
const assetDir = () => path.join(process.cwd(), "public", "map");

const notFound = () => new AppError({ code: "not_found", messageKey: "mapAssetNotFound" });

const spriteFiles: Record<string, string> = {
  "sprite.json": "application/json",
  "sprite@2x.json": "application/json",
  "sprite.png": "image/png",
  "sprite@2x.png": "image/png",
};

/** One sprite file: its bytes and type, or 404. */
export function readSpriteFile(name: string): { bytes: Uint8Array<ArrayBuffer>; type: string } {
  const type = spriteFiles[name];
  if (!type) throw notFound();
  return { bytes: new Uint8Array(fs.readFileSync(path.join(assetDir(), name))), type };
}

/**
 * The glyphs of one 256-character range for a font stack (`DejaVu Sans Bold,Arial` takes the
 * first font served). A range not generated answers an empty set, which MapLibre draws as nothing;
 * an unknown font or a malformed range is 404.
 */
export function readGlyphRange(fontstack: string, range: string): Uint8Array<ArrayBuffer> {
  const font = fontstack
    .split(",")
    .map((name) => name.trim())
    .map((name) => glyphFonts.find((f) => f.name === name))
    .find(Boolean);
  const match = /^(\d{1,5})-(\d{1,5})\.pbf$/.exec(range);
  if (!font || !match) throw notFound();
  const start = Number(match[1]);
  if (start % 256 !== 0 || Number(match[2]) !== start + 255 || start > 65_280) throw notFound();
  if ((glyphRanges as readonly number[]).includes(start))
    return new Uint8Array(
      fs.readFileSync(path.join(assetDir(), "glyphs", font.name, `${start}-${start + 255}.pbf`)),
    );
  return emptyRange(font.name, `${start}-${start + 255}`);
}

/** glyphs { stacks { name, range } } with no glyphs. */
function emptyRange(name: string, range: string): Uint8Array<ArrayBuffer> {
  const text = (tag: number, value: string) => {
    const bytes = Buffer.from(value);
    return [(tag << 3) | 2, bytes.length, ...bytes];
  };
  const stack = [...text(1, name), ...text(2, range)];
  return Uint8Array.from([(1 << 3) | 2, stack.length, ...stack]);
}
