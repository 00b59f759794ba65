/**
 * A fixed body with its Content-Length and single-range support: GDAL's `/vsicurl/` (QGIS
 * "Protocol: HTTP(S)") asks for the size with HEAD and reads with `Range` requests, and refuses a
 * server that answers a range with the whole file.
 */
export function sendBytes(
  req: Request,
  bytes: Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
): Response {
  const size = bytes.byteLength;
  const base = { ...headers, "accept-ranges": "bytes" };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.get("range")?.trim() ?? "");
  if (range && (range[1] !== "" || range[2] !== "")) {
    let start: number;
    let end: number;
    if (range[1] === "") {
      // A suffix: the last N bytes.
      start = Math.max(0, size - Number(range[2]));
      end = size - 1;
    } else {
      start = Number(range[1]);
      end = range[2] === "" ? size - 1 : Math.min(Number(range[2]), size - 1);
    }
    if (start >= size || start > end) {
      return new Response(null, {
        status: 416,
        headers: { ...base, "content-range": `bytes */${size}`, "content-length": "0" },
      });
    }
    const part = bytes.subarray(start, end + 1);
    return new Response(req.method === "HEAD" ? null : part, {
      status: 206,
      headers: {
        ...base,
        "content-range": `bytes ${start}-${end}/${size}`,
        "content-length": String(part.byteLength),
      },
    });
  }
  return new Response(req.method === "HEAD" ? null : bytes, {
    status: 200,
    headers: { ...base, "content-length": String(size) },
  });
}
