declare module "shpjs" {
  import type { FeatureCollection } from "geojson";
  type Bytes = ArrayBuffer | Uint8Array | DataView;
  /** Parses a Shapefile from its parts; without `prj` the coordinates are left as the file has them. */
  export default function getShapefile(input: {
    shp: Bytes;
    dbf?: Bytes;
    cpg?: string;
    prj?: string;
  }): Promise<FeatureCollection & { fileName?: string }>;
}
