import { describe, expect, it } from "vitest";
import { wkbHexToGeometry } from "../../../lib/geo/wkb";

describe("EWKB decoding", () => {
  it("decodes a point with SRID", () => {
    // SELECT ST_SetSRID(ST_MakePoint(1, 2), 4326)
    expect(wkbHexToGeometry("0101000020E6100000000000000000F03F0000000000000040")).toEqual({
      type: "Point",
      coordinates: [1, 2],
    });
  });

  it("decodes a multipolygon", () => {
    // SELECT ST_Multi(ST_MakeEnvelope(0, 0, 1, 1, 4326))
    const hex =
      "0106000020E610000001000000010300000001000000050000000000000000000000000000000000000000000000000000000000000000" +
      "00F03F000000000000F03F000000000000F03F000000000000F03F000000000000000000000000000000000000000000000000";
    expect(wkbHexToGeometry(hex)).toEqual({
      type: "MultiPolygon",
      coordinates: [
        [
          [
            [0, 0],
            [0, 1],
            [1, 1],
            [1, 0],
            [0, 0],
          ],
        ],
      ],
    });
  });

  it("decodes a big-endian line string without SRID", () => {
    // ST_AsBinary(LINESTRING(0 0, 2 3), 'XDR')
    const hex = "00" + "00000002" + "00000002" + "0".repeat(32) + "4000000000000000" + "4008000000000000";
    expect(wkbHexToGeometry(hex)).toEqual({
      type: "LineString",
      coordinates: [
        [0, 0],
        [2, 3],
      ],
    });
  });
});
