import http from "node:http";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Route = { pattern: string; GET?: Handler; POST?: Handler; OPTIONS?: Handler };

/** "/api/ogc/collections/:collectionId/items" → a matcher that returns the params. */
function matcher(pattern: string) {
  const names: string[] = [];
  const regex = new RegExp(
    `^${pattern.replace(/:([a-zA-Z]+)/g, (_, name: string) => (names.push(name), "([^/]+)"))}$`,
  );
  return (pathname: string) => {
    const m = regex.exec(pathname);
    return m ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) : null;
  };
}

/**
 * The app's own route handlers behind a plain HTTP listener on a real port, for clients that
 * must talk over the network (a desktop GIS library, another Open311 system). Same handlers,
 * same database as the test; only Next's router is replaced by the patterns given.
 */
export async function serveRoutes(routes: Route[]) {
  const table = routes.map((r) => ({ ...r, match: matcher(r.pattern) }));
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    for (const route of table) {
      const params = route.match(url.pathname);
      // Like Next: HEAD runs the GET handler and sends no body.
      const method = (req.method === "HEAD" ? "GET" : (req.method ?? "GET")) as "GET" | "POST" | "OPTIONS";
      const handler = params ? route[method] : undefined;
      if (!params || !handler) continue;
      // Like Next: the body is a stream over the socket, read as far as the handler reads it.
      const init = {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.method === "POST" ? (Readable.toWeb(req) as ReadableStream) : undefined,
        duplex: "half",
      };
      const request = new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]);
      const response = await handler(request, { params: Promise.resolve(params) });
      // Like Next: the body is piped as it comes, so there is no Content-Length unless the handler set one.
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      if (req.method === "HEAD" || !response.body) {
        await response.body?.cancel();
        res.end();
        return;
      }
      const reader = response.body.getReader();
      for (let part = await reader.read(); !part.done; part = await reader.read()) res.write(part.value);
      res.end();
      return;
    }
    req.resume();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
