// The part of opentype.js 2 that scripts/build-map-assets.ts uses (the package ships no types).
declare module "opentype.js" {
  type Command =
    | { type: "M" | "L"; x: number; y: number }
    | { type: "Q"; x1: number; y1: number; x: number; y: number }
    | { type: "C"; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
    | { type: "Z" };
  export interface Path {
    commands: Command[];
    getBoundingBox(): { x1: number; y1: number; x2: number; y2: number };
  }
  export interface Glyph {
    index: number;
    advanceWidth?: number;
    getPath(x: number, y: number, fontSize: number): Path;
  }
  export interface Font {
    unitsPerEm: number;
    ascender: number;
    charToGlyph(char: string): Glyph;
  }
  export function parse(buffer: ArrayBuffer | ArrayBufferLike): Font;
  const opentype: { parse: typeof parse };
  export default opentype;
}
