import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import sharp from "sharp";

const repo = path.resolve(import.meta.dirname, "../..");
const MB = 1024 * 1024;

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${field}:`));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? 0);
}

/** The probe server (tests/helpers/memory-probe-server.ts) over the source tree at `root`. */
export async function startProbe(root = repo) {
  const child: ChildProcess = spawn(
    path.join(repo, "node_modules/.bin/tsx"),
    ["--conditions=react-server", path.join(repo, "tests/helpers/memory-probe-server.ts")],
    { env: { ...process.env, PROBE_ROOT: root }, stdio: ["ignore", "pipe", "inherit"] },
  );
  const [port, pid] = await new Promise<[number, number]>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /port=(\d+) pid=(\d+)/.exec(out);
      if (m) resolve([Number(m[1]), Number(m[2])]);
    });
    child.on("exit", (code) => reject(new Error(`probe exited ${code}`)));
  });
  return {
    port,
    /** Resets the peak and returns the resident set now, in MB. */
    baseline(): number {
      fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
      return statusKb(pid, "VmRSS") / 1024;
    },
    /** The peak resident set since the last baseline, in MB. */
    peak: () => statusKb(pid, "VmHWM") / 1024,
    stop: () => {
      process.kill(pid);
      child.kill();
    },
  };
}

/** Sends `totalBytes` chunked (no Content-Length) as a report form; resolves with the status. */
export function sendChunked(port: number, totalBytes: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/file",
      headers: { "content-type": "multipart/form-data; boundary=x", "transfer-encoding": "chunked" },
    });
    let status = 0;
    req.on("response", (res) => {
      status = res.statusCode ?? 0;
      res.resume();
      res.on("end", () => resolve(status));
    });
    req.on("error", () => resolve(status));
    const chunk = Buffer.alloc(MB, 97);
    let sent = 0;
    const write = () => {
      while (sent < totalBytes && status === 0) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

/** A 10,000 × 10,000 PNG of one colour: small on the wire, 100 megapixels once decoded. */
export function giantPng(): Promise<Buffer> {
  return sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: { r: 9, g: 9, b: 9 } } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** Four filings at once, each with three giant photos; resolves with their statuses. */
export async function sendGiantPhotos(port: number, png: Buffer): Promise<number[]> {
  const one = async () => {
    const form = new FormData();
    form.set("data", JSON.stringify({ description: "x" }));
    for (let i = 0; i < 3; i++) form.append("photos", new Blob([new Uint8Array(png)]), `p${i}.png`);
    const res = await fetch(`http://127.0.0.1:${port}/file`, { method: "POST", body: form });
    await res.arrayBuffer();
    return res.status;
  };
  return Promise.all([one(), one(), one(), one()]);
}

/** Both cases against one source tree: the server's peak gain in MB (for the report and bench). */
export async function measureHostileMemory(root = repo) {
  const probe = await startProbe(root);
  try {
    const png = await giantPng();
    // Warm up: load sharp and the form parser once, so the baseline holds the code.
    await sendGiantPhotos(
      probe.port,
      await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
        .png()
        .toBuffer(),
    );
    let base = probe.baseline();
    const chunkedStatus = await sendChunked(probe.port, 200 * MB);
    const chunkedGainMb = probe.peak() - base;
    base = probe.baseline();
    const photoStatuses = await sendGiantPhotos(probe.port, png);
    const photoGainMb = probe.peak() - base;
    return { chunkedStatus, chunkedGainMb, photoStatuses, photoGainMb };
  } finally {
    probe.stop();
  }
}
