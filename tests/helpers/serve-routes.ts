import http from "node:http";
import { NextRequest } from "next/server";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Route = { pattern: string; GET?: Handler; POST?: Handler };

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
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    for (const route of table) {
      const params = route.match(url.pathname);
      const handler = params ? route[(req.method ?? "GET") as "GET" | "POST"] : undefined;
      if (!params || !handler) continue;
      const request = new NextRequest(url, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
      });
      const response = await handler(request, { params: Promise.resolve(params) });
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
