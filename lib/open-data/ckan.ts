import "server-only";
import type { Database } from "../../db/client";
import { LICENCE_URL, summariseDatasets } from "./catalogue";

/**
 * The two CKAN Action API calls a CKAN harvester (ckanext-harvest's CKAN harvester) needs:
 * `package_list` and `package_show`, in CKAN's envelope `{ help, success, result }`.
 */
export async function ckanAction(input: {
  db: Database;
  action: string;
  id: string | null;
  baseUrl: string;
}): Promise<{ status: number; body: Record<string, unknown> }> {
  const help = `${input.baseUrl}/api/3/action/help_show?name=${input.action}`;
  const notFound = (message: string) => ({
    status: 404,
    body: { help, success: false, error: { __type: "Not Found Error", message } },
  });
  if (input.action !== "package_list" && input.action !== "package_show") return notFound("Action not found");
  const { publisher, datasets } = await summariseDatasets(input.db);
  if (input.action === "package_list")
    return { status: 200, body: { help, success: true, result: datasets.map((d) => d.id) } };
  const d = datasets.find((x) => x.id === input.id);
  if (!d) return notFound("Not found");
  const organisation = { name: "opstinska-uprava", title: publisher };
  return {
    status: 200,
    body: {
      help,
      success: true,
      result: {
        id: d.id,
        name: d.id,
        title: d.title["sr-Latn"],
        notes: d.description["sr-Latn"],
        license_id: "cc-by-4.0",
        license_title: "Creative Commons Attribution 4.0",
        license_url: LICENCE_URL,
        organization: organisation,
        author: publisher,
        metadata_modified: d.modified.replace(/Z$/, ""),
        state: "active",
        type: "dataset",
        private: false,
        url: `${input.baseUrl}/open-data`,
        resources: d.files.map((f) => ({
          id: `${d.id}-${f.format}`,
          package_id: d.id,
          name: `${d.title["sr-Latn"]} (${f.format.toUpperCase()})`,
          url: f.url,
          format: f.format.toUpperCase(),
          mimetype: f.mediaType,
          size: f.byteSize,
          last_modified: d.modified.replace(/Z$/, ""),
        })),
        extras: [
          { key: "frequency", value: "http://publications.europa.eu/resource/authority/frequency/DAILY" },
          ...(d.bbox
            ? [
                {
                  key: "spatial",
                  value: JSON.stringify({
                    type: "Polygon",
                    coordinates: [
                      [
                        [d.bbox[0], d.bbox[1]],
                        [d.bbox[2], d.bbox[1]],
                        [d.bbox[2], d.bbox[3]],
                        [d.bbox[0], d.bbox[3]],
                        [d.bbox[0], d.bbox[1]],
                      ],
                    ],
                  }),
                },
              ]
            : []),
          ...(d.temporal
            ? [
                { key: "temporal_start", value: d.temporal[0] },
                { key: "temporal_end", value: d.temporal[1] },
              ]
            : []),
        ],
      },
    },
  };
}
