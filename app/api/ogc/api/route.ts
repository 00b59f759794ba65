import { collectionIds } from "@/lib/ogc/collections";
import { DEFAULT_LIMIT, MAX_LIMIT } from "@/lib/ogc/params";
import { ogcJson, ogcRoute } from "@/lib/ogc/respond";

export const dynamic = "force-dynamic";

const json = (description: string) => ({
  description,
  content: { "application/json": { schema: { type: "object" } } },
});
const geojson = (description: string) => ({
  description,
  content: { "application/geo+json": { schema: { type: "object" } } },
});

/** The OpenAPI 3.0 description of the feature API (`service-desc`). */
export const GET = ogcRoute(async (_req, { base }) =>
  ogcJson(
    {
      openapi: "3.0.3",
      info: { title: "Municipal service requests — OGC API – Features", version: "1.0.0" },
      servers: [{ url: base }],
      paths: {
        "/": { get: { summary: "Landing page", responses: { "200": json("Links to the API") } } },
        "/conformance": { get: { summary: "Conformance classes", responses: { "200": json("conformsTo") } } },
        "/collections": { get: { summary: "Collections", responses: { "200": json("The collections") } } },
        "/collections/{collectionId}": {
          get: {
            summary: "A collection",
            parameters: [
              {
                name: "collectionId",
                in: "path",
                required: true,
                schema: { type: "string", enum: collectionIds() },
              },
            ],
            responses: { "200": json("The collection"), "404": json("No such collection") },
          },
        },
        "/collections/{collectionId}/items": {
          get: {
            summary: "Features",
            parameters: [
              {
                name: "collectionId",
                in: "path",
                required: true,
                schema: { type: "string", enum: collectionIds() },
              },
              {
                name: "bbox",
                in: "query",
                style: "form",
                explode: false,
                schema: { type: "array", minItems: 4, maxItems: 4, items: { type: "number" } },
              },
              { name: "datetime", in: "query", schema: { type: "string" } },
              {
                name: "limit",
                in: "query",
                schema: { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
              },
              { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
            ],
            responses: { "200": geojson("A page of features"), "400": json("Bad parameter") },
          },
        },
        "/collections/{collectionId}/items/{featureId}": {
          get: {
            summary: "One feature",
            parameters: [
              {
                name: "collectionId",
                in: "path",
                required: true,
                schema: { type: "string", enum: collectionIds() },
              },
              { name: "featureId", in: "path", required: true, schema: { type: "string" } },
            ],
            responses: { "200": geojson("The feature"), "404": json("No such feature") },
          },
        },
      },
    },
    "application/vnd.oai.openapi+json;version=3.0",
  ),
);

export { corsPreflight as OPTIONS } from "@/lib/request/cors";
