import { ogcJson, ogcRoute } from "@/lib/ogc/respond";

export const dynamic = "force-dynamic";

/** OGC API – Features landing page. */
export const GET = ogcRoute(async (_req, { base }) =>
  ogcJson({
    title: "Municipal service requests and permitted works",
    description:
      "Public reports, works sites, local communities and service areas as GeoJSON features (OGC API – Features, Part 1: Core).",
    links: [
      { href: base, rel: "self", type: "application/json", title: "This document" },
      {
        href: `${base}/api`,
        rel: "service-desc",
        type: "application/vnd.oai.openapi+json;version=3.0",
        title: "The API definition",
      },
      {
        href: `${base}/conformance`,
        rel: "conformance",
        type: "application/json",
        title: "Conformance classes",
      },
      { href: `${base}/collections`, rel: "data", type: "application/json", title: "Collections" },
    ],
  }),
);

export { corsPreflight as OPTIONS } from "@/lib/request/cors";
