import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { openDatabase } from "../db/client";
import { seedDemo } from "../db/seed/seed-demo";
import { startApp } from "./app-server";
import { createBenchDatabase } from "./bench-database";
import { postReport, request } from "./cluster-client";

async function rate(label: string, work: (i: number) => Promise<unknown>) {
  let n = 0,
    k = 0;
  const until = Date.now() + 6000;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < until) {
        await work(++k);
        n++;
      }
    }),
  );
  console.info(label, (n / ((Date.now() - t0) / 1000)).toFixed(1), "/s");
}

async function main() {
  const database = await createBenchDatabase({ prefix: "civic_probe" });
  const handle = await openDatabase({ databaseUrl: database.url, dataDir: "" });
  await seedDemo(handle.db, { demoApiKey: false });
  await handle.close();
  const app = await startApp({
    port: 3225,
    databaseUrl: database.url,
    logFile: path.join(os.tmpdir(), "w25-probe.log"),
  });
  try {
    const pos = (i: number): [number, number] => [
      21.369 + ((i * 7919) % 1000) / 1e5,
      43.927 + ((i * 104729) % 1000) / 1e5,
    ];
    const post = (i: number) =>
      postReport({
        base: app.url,
        description: "probe",
        submissionKey: randomUUID(),
        position: pos(i),
        forwardedFor: `10.1.${(i >> 8) & 255}.${i & 255}`,
      });
    for (let i = 0; i < 20; i++) await post(50_000 + i);
    await rate("health", () => request({ url: `${app.url}/api/health` }));
    await rate("bad form", () =>
      request({
        url: `${app.url}/api/reports`,
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: "x",
      }),
    );
    await rate("filing", (i) => post(i));
    await rate("health", () => request({ url: `${app.url}/api/health` }));
    await rate("filing", (i) => post(100_000 + i));
  } finally {
    await app.stop();
    await database.drop();
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
