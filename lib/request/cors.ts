/**
 * CORS for the public read surfaces (tiles, reports GeoJSON, areas, OGC API, open data): anyone's
 * map may read them. No credentials are involved, so `*` is safe; the headers a map client needs
 * for caching and paging are exposed.
 */
export const corsHeaders: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "Content-Length, Content-Range, Content-Crs, ETag, Link, Last-Modified",
};

const preflightHeaders: Record<string, string> = {
  ...corsHeaders,
  "access-control-allow-methods": "GET, HEAD, OPTIONS",
  "access-control-allow-headers":
    "Accept, Accept-Language, If-None-Match, If-Modified-Since, Range, Content-Type",
  "access-control-max-age": "86400",
};

/** Adds the CORS headers to a response (error answers included). */
export function withCorsHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(corsHeaders)) response.headers.set(name, value);
  return response;
}

/** Wraps a GET handler so every answer it gives, errors included, carries the CORS headers. */
export function corsGet<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => withCorsHeaders(await handler(...args));
}

/** The answer to a browser's preflight (`OPTIONS`) on a public read surface. */
export async function corsPreflight(): Promise<Response> {
  return new Response(null, { status: 204, headers: preflightHeaders });
}
