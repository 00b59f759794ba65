// Whole answers with their length for the surfaces outside clients read: Next.js sends every route
// handler's answer chunked and drops the Content-Length the handler set (send-response.js), and
// GDAL's /vsicurl/ (QGIS "Protocol: HTTP(S)") needs the size from HEAD and answers to Range requests.
// For these paths the server buffers Next's answer, then sends it with Content-Length, answers HEAD
// with the GET's headers and no body, cuts a byte range (206, or 416 past the end) out of a whole
// 200, and gzips itself when the client accepts it and asked for no range, so a length is always
// known. A proxy that compresses on the fly (nginx `gzip on`) sends chunked again: leave these paths
// uncompressed there, or compressed by this server (see README "The app server").
import zlib from "node:zlib";
import { promisify } from "node:util";

const gzip = promisify(zlib.gzip);

/** Paths whose answers are fixed bytes: tiles, OGC API, open-data files and catalogues, the published style. */
export const fixedLengthPaths = [
  /^\/api\/tiles\//,
  /^\/api\/ogc(\/|$)/,
  /^\/open-data\/[^/]+\.(geojson|csv)$/,
  /^\/api\/open-data\//,
  /^\/api\/3\/action\//,
  /^\/api\/map\//,
];

const compressible = /json|csv|text\/|xml|vector-tile|javascript|protobuf/;
/** Below this, gzip's header costs more than it saves. */
const minimumGzipBytes = 1024;

/**
 * `/api/ogc/…/` → `/api/ogc/…`: QGIS and harvesters ask with the trailing slash and do not follow
 * Next's 308 to the path without it, so the server answers such paths in place.
 */
export function withoutOgcTrailingSlash(url) {
  const query = url.indexOf("?");
  const pathname = query === -1 ? url : url.slice(0, query);
  if (!/^\/api\/ogc(\/.*)?\/$/.test(pathname)) return url;
  return pathname.replace(/\/+$/, "") + (query === -1 ? "" : url.slice(query));
}

export function wantsFixedLength(pathname) {
  return fixedLengthPaths.some((pattern) => pattern.test(pathname));
}

/** A single `bytes=a-b`, `bytes=a-` or `bytes=-n` range, or null (several ranges are answered whole). */
export function parseRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec((header ?? "").trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  let start;
  let end;
  if (match[1] === "") {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return { unsatisfiable: true };
  return { start, end };
}

/**
 * Runs `handle(req, res)` (Next's request handler) with the answer buffered, then sends it whole
 * with its Content-Length. The request reaches Next as an uncompressed GET; HEAD keeps its meaning
 * towards the client.
 */
export async function handleFixedLength(req, res, handle) {
  const method = req.method;
  const range = req.headers.range;
  const acceptsGzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  // Next answers HEAD without the length; the GET's answer is the same minus the body.
  if (method === "HEAD") req.method = "GET";
  delete req.headers["accept-encoding"];

  const chunks = [];
  const realWrite = res.write.bind(res);
  const realEnd = res.end.bind(res);
  const realWriteHead = res.writeHead.bind(res);
  let finished;
  const done = new Promise((resolve) => (finished = resolve));
  const take = (chunk, encoding) => {
    if (chunk == null || typeof chunk === "function") return;
    chunks.push(
      Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"),
    );
  };
  res.writeHead = (status, message, headers) => {
    res.statusCode = status;
    const values = typeof message === "object" && message !== null ? message : headers;
    if (typeof message === "string") res.statusMessage = message;
    if (values) for (const [name, value] of Object.entries(values)) res.setHeader(name, value);
    return res;
  };
  res.flushHeaders = () => {};
  res.write = (chunk, encoding, callback) => {
    take(chunk, encoding);
    const cb = typeof encoding === "function" ? encoding : callback;
    if (cb) process.nextTick(cb);
    return true;
  };
  res.end = (chunk, encoding, callback) => {
    take(chunk, encoding);
    const cb = [chunk, encoding, callback].find((x) => typeof x === "function");
    finished(cb);
    return res;
  };

  // Next resolves its handler only once the answer has finished going out, which happens below:
  // wait for the end of the answer instead (a failure before it still comes through).
  const handling = Promise.resolve(handle(req, res));
  const callback = await Promise.race([done, handling.then(() => done)]);
  res.write = realWrite;
  res.writeHead = realWriteHead;
  res.end = realEnd;

  let body = Buffer.concat(chunks);
  res.removeHeader("transfer-encoding");
  const status = res.statusCode;
  if (status === 204 || status === 304 || (status >= 100 && status < 200)) {
    res.removeHeader("content-length");
    realEnd(callback);
    await handling;
    return;
  }
  if (status === 200) {
    res.setHeader("accept-ranges", "bytes");
    const wanted = range ? parseRange(range, body.byteLength) : null;
    if (wanted?.unsatisfiable) {
      res.statusCode = 416;
      res.setHeader("content-range", `bytes */${body.byteLength}`);
      body = Buffer.alloc(0);
    } else if (wanted) {
      res.statusCode = 206;
      res.setHeader("content-range", `bytes ${wanted.start}-${wanted.end}/${body.byteLength}`);
      body = body.subarray(wanted.start, wanted.end + 1);
    } else if (
      acceptsGzip &&
      body.byteLength >= minimumGzipBytes &&
      compressible.test(String(res.getHeader("content-type") ?? ""))
    ) {
      body = await gzip(body);
      res.setHeader("content-encoding", "gzip");
    }
  }
  if (status === 200 || status === 206) {
    const vary = String(res.getHeader("vary") ?? "");
    if (!/accept-encoding/i.test(vary))
      res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  }
  res.setHeader("content-length", String(body.byteLength));
  if (method === "HEAD") realEnd(callback);
  else realEnd(body, callback);
  await handling;
}
