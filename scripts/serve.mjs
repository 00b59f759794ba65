// The app server: Next.js's production request handler inside a plain Node HTTP server, so that the
// answers outside clients read whole (tiles, OGC API, open data, the published map style) carry
// their Content-Length and answer HEAD and Range as GDAL's /vsicurl/ expects (fixed-length.mjs),
// and so that strict OGC clients' trailing-slash paths (`/api/ogc/collections/`) are answered in
// place instead of redirected. `npm start` (start.mjs) and the e2e server run it.
//
//   node scripts/serve.mjs [-H host] [-p port]     (PORT and HOSTNAME are read too)
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { handleFixedLength, wantsFixedLength, withoutOgcTrailingSlash } from "./fixed-length.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

function option(flags, fallback) {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (flags.includes(args[i]) && args[i + 1]) return args[i + 1];
    for (const flag of flags) if (args[i]?.startsWith(`${flag}=`)) return args[i].slice(flag.length + 1);
  }
  return fallback;
}

const port = Number(option(["-p", "--port"], process.env.PORT ?? "3000"));
const hostname = option(["-H", "--hostname"], process.env.HOSTNAME ?? "0.0.0.0");

// As `next start` does; set before Next loads, which reads it at import.
process.env.NODE_ENV ??= "production";
const { default: next } = await import("next");
const app = next({ dev: false, dir: root, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  req.url = withoutOgcTrailingSlash(req.url ?? "/");
  const pathname = req.url.split("?")[0];
  const answer =
    (req.method === "GET" || req.method === "HEAD") && wantsFixedLength(pathname)
      ? handleFixedLength(req, res, handle)
      : handle(req, res);
  Promise.resolve(answer).catch((error) => {
    console.error("[serve]", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// Keep-alive longer than a load balancer's idle timeout (60 s on most), so it never reuses a
// connection this server has just closed.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.info(`[serve] ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    server.close();
    app.close().finally(() => process.exit(0));
  });
