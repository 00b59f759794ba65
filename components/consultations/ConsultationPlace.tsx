import type { MultiPolygon, Polygon } from "geojson";
import { ReportPlace } from "@/components/map/ReportPlace";

/** Where the discussed works are: the site's (first) area sketched, with the map on request. */
export async function ConsultationPlace({ site }: { site: MultiPolygon | null }) {
  const ring = site?.coordinates[0]?.[0];
  if (!site || !ring || ring.length < 4) return null;
  const corners = ring.slice(0, -1);
  const centre = [
    corners.reduce((sum, p) => sum + p[0]!, 0) / corners.length,
    corners.reduce((sum, p) => sum + p[1]!, 0) / corners.length,
  ];
  const area: Polygon = { type: "Polygon", coordinates: site.coordinates[0]! };
  return <ReportPlace position={centre} shape={area} />;
}
