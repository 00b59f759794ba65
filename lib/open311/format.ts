/**
 * Open311 GeoReport v2 output in both formats the spec names: JSON (top-level arrays) and XML
 * (a declaration, a list element, one child per item, fields in the spec's order).
 */
export type Format = "json" | "xml";

export type Open311Value =
  string | number | boolean | null | Open311Value[] | { [key: string]: Open311Value };

/** Splits "requests.json" into its name and format; no extension or another one is not a route. */
export function splitFormat(segment: string): { name: string; format: Format } | null {
  const match = /^(.+)\.(json|xml)$/.exec(segment);
  return match ? { name: decodeURIComponent(match[1]!), format: match[2] as Format } : null;
}

// XML 1.0 cannot carry these even as character references (lib/request/clean-text.ts refuses
// them on input; text stored before that rule is cleaned on the way out).
const notXml =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeXml(text: string): string {
  return text
    .replace(notXml, "\uFFFD")
    .replace(
      /[<>&'"]/g,
      (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
    );
}

function xmlValue(name: string, value: Open311Value, itemName: (list: string) => string): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value))
    return `<${name}>${value.map((v) => xmlValue(itemName(name), v, itemName)).join("")}</${name}>`;
  if (typeof value === "object") {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => xmlValue(k, v, itemName))
      .join("")}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** The XML element names of lists and their items in GeoReport v2. */
const itemNames: Record<string, string> = {
  services: "service",
  service_requests: "request",
  attributes: "attribute",
  values: "value",
  errors: "error",
  endpoints: "endpoint",
  formats: "format",
  keywords: "keyword",
  service_request_updates: "request_update",
};

export function toXml(root: string, body: Open311Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${xmlValue(root, body, (list) => itemNames[list] ?? "item")}`;
}

export function respond(input: {
  format: Format;
  root: string;
  body: Open311Value;
  status?: number;
}): Response {
  const status = input.status ?? 200;
  if (input.format === "json") {
    return new Response(JSON.stringify(input.body), {
      status,
      headers: { "content-type": "application/json; charset=utf-8", "access-control-allow-origin": "*" },
    });
  }
  return new Response(toXml(input.root, input.body), {
    status,
    headers: { "content-type": "text/xml; charset=utf-8", "access-control-allow-origin": "*" },
  });
}

/** Open311 errors: a list of { code, description } with the HTTP status as the code. */
export function errorResponse(format: Format, status: number, description: string): Response {
  return respond({ format, root: "errors", body: [{ code: status, description }], status });
}
