/**
 * A child process that serves the body and image stages of the filing route (readReportForm, then
 * processPhoto for each photo) from the source tree named by PROBE_ROOT, so the memory a hostile
 * request costs the server can be measured from outside: its resident set is read from /proc.
 * Run with `tsx --conditions=react-server`; prints `port=<n> pid=<n>` when it listens
 * (tsx runs the script in a child process of its own: the pid is the one to measure).
 */
import http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";

const root = process.env.PROBE_ROOT ?? process.cwd();
const load = (file: string) => import(pathToFileURL(path.join(root, file)).href);

async function main() {
  const { readReportForm } = await load("lib/reports/read-report-form.ts");
  const { processPhoto } = await load("lib/reports/photos.ts");
  const server = http.createServer(async (req, res) => {
    try {
      // As Next hands a route handler its body: a stream over the socket, read as the handler pulls.
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: Readable.toWeb(req) as ReadableStream,
        duplex: "half",
      } as RequestInit);
      const { photos } = (await readReportForm(request)) as { photos: Buffer[] };
      for (const photo of photos) await processPhoto(photo);
      res.writeHead(200).end("ok");
    } catch (err) {
      const status = (err as { status?: number }).status ?? 500;
      res.writeHead(status, { connection: "close" }).end(String((err as Error).message));
    }
  });
  server.listen(0, "127.0.0.1", () => {
    const address = server.address() as { port: number };
    process.stdout.write(`port=${address.port} pid=${process.pid}\n`);
  });
}

void main();
