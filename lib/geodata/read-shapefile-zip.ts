import { inflateRawSync } from "node:zlib";
import { iter } from "but-unzip";
import getShapefile from "shpjs";
import { crsOfWkt } from "./crs";
import { GeodataError } from "./geodata-error";
import { MAX_UNZIPPED_BYTES } from "./limits";
import { plainProperties, type SourceLayer } from "./source-feature";

/**
 * A zipped Shapefile (.shp + .dbf, with .prj for its CRS and .cpg for the attribute encoding).
 * The archive is read with but-unzip and the layer with shpjs; shpjs is given no .prj, so the
 * coordinates stay as written and the CRS is identified here (proj4's WKT reader drops the MGI
 * datum shift of ESRI-style .prj files, which would move Serbian data by hundreds of metres).
 */
export async function readShapefileZip(bytes: Uint8Array): Promise<SourceLayer> {
  let inflated = 0;
  const inflate = (raw: Uint8Array) => {
    const tooLarge = () => new GeodataError("geodataTooLarge", { maxMb: MAX_UNZIPPED_BYTES / 1024 / 1024 });
    // Bounded by what is left of the budget, so a zip bomb stops at the limit instead of filling
    // memory; zlib reports the stop as a RangeError, which is "too large", not "corrupt".
    let out: Buffer;
    try {
      out = inflateRawSync(raw, { maxOutputLength: MAX_UNZIPPED_BYTES - inflated + 1 });
    } catch (err) {
      if (err instanceof RangeError || (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
        throw tooLarge();
      throw err;
    }
    inflated += out.byteLength;
    if (inflated > MAX_UNZIPPED_BYTES) throw tooLarge();
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  };
  // but-unzip loops forever on an archive without its end record (a cut-off download): look first.
  if (!hasEndOfCentralDirectory(bytes))
    throw new GeodataError("geodataCorrupt", { format: "Shapefile (zip)" });
  const files = new Map<string, Uint8Array>();
  try {
    for (const entry of iter(bytes, inflate)) {
      if (entry.filename.includes("__MACOSX") || entry.filename.endsWith("/")) continue;
      const ext = /\.(shp|dbf|prj|cpg)$/i.exec(entry.filename)?.[1]?.toLowerCase();
      if (!ext) continue;
      files.set(`${entry.filename.slice(0, -ext.length - 1)}\u0000${ext}`, await entry.read());
    }
  } catch (err) {
    if (err instanceof GeodataError) throw err;
    throw new GeodataError("geodataCorrupt", { format: "Shapefile (zip)" });
  }
  const layers = [...files.keys()].filter((k) => k.endsWith("\u0000shp")).map((k) => k.slice(0, -4));
  if (layers.length === 0) throw new GeodataError("geodataNoShapefile");
  // One layer per import; the first by name when the archive has several.
  const base = layers.sort()[0]!;
  const part = (ext: string) => files.get(`${base}\u0000${ext}`);
  const prj = part("prj");
  if (!prj) throw new GeodataError("geodataMissingPrj");
  const decoder = new TextDecoder();
  let collection;
  try {
    const cpg = part("cpg");
    collection = await getShapefile({
      shp: part("shp")!,
      dbf: part("dbf"),
      cpg: cpg ? decoder.decode(cpg).trim() : undefined,
    });
  } catch {
    throw new GeodataError("geodataCorrupt", { format: "Shapefile (zip)" });
  }
  return {
    format: "shapefile",
    layer: base.split("/").pop()!,
    crs: crsOfWkt(decoder.decode(prj)),
    features: collection.features.map((f) => ({
      properties: plainProperties(f.properties),
      geometry: f.geometry ?? null,
    })),
  };
}

/** The zip "end of central directory" record: PK\x05\x06 within the last 22 + 65,535 (comment) bytes. */
function hasEndOfCentralDirectory(bytes: Uint8Array): boolean {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06)
      return true;
  }
  return false;
}
