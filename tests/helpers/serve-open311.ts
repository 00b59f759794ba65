import http from "node:http";
import { NextRequest } from "next/server";
import { GET as getResource, POST as postResource } from "../../app/open311/v2/[resource]/route";
import { GET as getRequest } from "../../app/open311/v2/requests/[id]/route";
import { GET as getToken } from "../../app/open311/v2/tokens/[token]/route";

/**
 * This platform's own Open311 server on a real port: the route handlers the app serves, behind
 * a plain HTTP listener, so a client can talk to it over the network as to any other system.
 */
export async function serveOwnOpen311() {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const request = new NextRequest(url, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
    });
    const [, , , name, ...rest] = url.pathname.split("/");
    const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
    let response: Response;
    if (rest.length === 0 && req.method === "POST") response = await postResource(request, ctx({ resource: name! }));
    else if (rest.length === 0) response = await getResource(request, ctx({ resource: name! }));
    else if (name === "tokens") response = await getToken(request, ctx({ token: rest[0]! }));
    else response = await getRequest(request, ctx({ id: rest[0]! }));
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { baseUrl: `http://127.0.0.1:${port}/open311/v2`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
