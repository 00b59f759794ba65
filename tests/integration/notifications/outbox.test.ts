import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { closeDb, getDb } from "../../../db/client";
import { queryOne, queryRows } from "../../../db/query";
import {
  backoffSeconds,
  deliverPendingMessages,
  MAX_ATTEMPTS,
} from "../../../lib/notifications/deliver-pending-messages";
import { fileTransport, type Transport } from "../../../lib/notifications/transports";
import { engine } from "../../helpers/engine";

const root = path.resolve(__dirname, "..", "..", "..");

async function enqueue(prefix: string, n: number): Promise<void> {
  await (
    await getDb()
  ).execute(
    sql`insert into outbox_messages (message_key, recipient, locale, template, subject, body)
        select ${prefix} || '-' || i, 'citizen' || i || '@mail.example', 'sr-Latn', 'report_updated', 'Prijava ' || i, 'Telo poruke ' || i
        from generate_series(1, ${n}) i`,
  );
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "civic-outbox-"));
}

function deliveries(dir: string, prefix: string): string[] {
  const log = path.join(dir, "delivered.log");
  if (!fs.existsSync(log)) return [];
  return fs
    .readFileSync(log, "utf8")
    .split("\n")
    .filter((l) => l.includes(` ${prefix}-`))
    .map((l) => l.split(" ")[1]!);
}

// The delivered files: a message is delivered once its file exists. The log line comes after the
// file, so a worker killed between the two leaves a delivery without a line, which the next
// worker then finds already delivered.
function deliveredFiles(dir: string, prefix: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.startsWith(`${prefix}-`));
}

function startWorker(dir: string) {
  // node itself runs the worker (tsx as a loader), so the kill hits the worker and not a wrapper.
  return spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "scripts/outbox-worker.ts"],
    {
      cwd: root,
      env: {
        ...process.env,
        OUTBOX_DIR: dir,
        OUTBOX_POLL_MS: "100",
        OUTBOX_LEASE_SECONDS: "2",
        SMTP_URL: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
}

async function waitFor(
  check: () => boolean,
  timeoutMs: number,
  what: string | (() => string),
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until)
      throw new Error(`timed out waiting for ${typeof what === "string" ? what : what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe(`the notifications outbox on the ${engine} engine`, () => {
  it("delivers each pending message once and marks it sent", async () => {
    await enqueue("once", 30);
    const dir = tempDir();
    const db = await getDb();
    const first = await deliverPendingMessages({
      db,
      transport: fileTransport(dir),
      workerId: "w1",
      batchSize: 50,
    });
    const second = await deliverPendingMessages({
      db,
      transport: fileTransport(dir),
      workerId: "w1",
      batchSize: 50,
    });
    expect(first).toMatchObject({ claimed: 30, sent: 30, failed: 0 });
    expect(second.claimed).toBe(0);
    expect(deliveries(dir, "once").sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `once-${i + 1}`).sort(),
    );
    const row = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from outbox_messages where message_key like 'once-%' and status = 'sent'`,
    );
    expect(row!.n).toBe(30);
  });

  it("retries a failed delivery with backoff and gives up after the last attempt", async () => {
    await enqueue("flaky", 1);
    const db = await getDb();
    const broken: Transport = {
      name: "broken",
      send: async () => {
        throw new Error("connection refused");
      },
    };
    await deliverPendingMessages({ db, transport: broken, workerId: "w2" });
    const after = await queryOne<{ status: string; attempts: number; wait: number; last_error: string }>(
      db,
      sql`select status, attempts, extract(epoch from next_attempt_at - now())::float8 as wait, last_error from outbox_messages where message_key = 'flaky-1'`,
    );
    expect(after).toMatchObject({ status: "pending", attempts: 1, last_error: "connection refused" });
    expect(after!.wait).toBeGreaterThan(backoffSeconds(1) - 5);
    await db.execute(
      sql`update outbox_messages set attempts = ${MAX_ATTEMPTS - 1}, next_attempt_at = now() where message_key = 'flaky-1'`,
    );
    await deliverPendingMessages({ db, transport: broken, workerId: "w2" });
    const final = await queryOne<{ status: string }>(
      db,
      sql`select status from outbox_messages where message_key = 'flaky-1'`,
    );
    expect(final!.status).toBe("failed");
  });

  it("marks sent, without sending again, a message a killed worker had delivered but not recorded", async () => {
    await enqueue("recorded", 2);
    const dir = tempDir();
    const db = await getDb();
    // What a worker killed after writing the message, before its log line and its update, leaves.
    fs.writeFileSync(path.join(dir, "recorded-1.txt"), "To: citizen1@mail.example\n\nTelo poruke 1\n");
    const pass = await deliverPendingMessages({
      db,
      transport: fileTransport(dir),
      workerId: "w3",
    });
    expect(pass).toMatchObject({ claimed: 2, sent: 2, failed: 0 });
    expect(deliveries(dir, "recorded")).toEqual(["recorded-2"]);
    expect(fs.readFileSync(path.join(dir, "recorded-1.txt"), "utf8")).toBe(
      "To: citizen1@mail.example\n\nTelo poruke 1\n",
    );
    const states = await queryRows<{ message_key: string; status: string }>(
      db,
      sql`select message_key, status from outbox_messages where message_key like 'recorded-%' order by message_key`,
    );
    expect(states).toEqual([
      { message_key: "recorded-1", status: "sent" },
      { message_key: "recorded-2", status: "sent" },
    ]);
  });

  it("never gives one message to two workers running at once", async () => {
    await enqueue("pair", 200);
    const dir = tempDir();
    const db = await getDb();
    const transport = fileTransport(dir);
    const drain = async (id: string) => {
      for (;;)
        if ((await deliverPendingMessages({ db, transport, workerId: id, batchSize: 10 })).claimed === 0)
          return;
    };
    await Promise.all([drain("a"), drain("b")]);
    const delivered = deliveries(dir, "pair");
    expect(delivered).toHaveLength(200);
    expect(new Set(delivered).size).toBe(200);
  });

  it("loses nothing and delivers nothing twice when the worker process is killed mid-batch", async () => {
    const total = 600;
    await enqueue("crash", total);
    const dir = tempDir();
    // Kill the worker until a kill lands mid-batch (messages claimed by the dead worker and not
    // marked sent); between batches it rarely does, so a few tries are enough.
    let stranded = 0;
    for (let attempt = 0; attempt < 5 && stranded === 0; attempt++) {
      // The worker is a separate process: the embedded engine must be handed over to it.
      if (engine === "embedded") await closeDb();
      const already = deliveries(dir, "crash").length;
      const worker = startWorker(dir);
      let output = "";
      worker.stderr.on("data", (d) => (output += d));
      await waitFor(
        () => deliveries(dir, "crash").length >= already + 40,
        60_000,
        () => `deliveries (${output})`,
      );
      worker.kill("SIGKILL");
      await new Promise((r) => worker.once("exit", r));
      const row = await queryOne<{ n: number }>(
        await getDb(),
        sql`select count(*)::int as n from outbox_messages where message_key like 'crash-%' and status = 'pending' and claimed_by is not null`,
      );
      stranded = row!.n;
    }
    expect(stranded).toBeGreaterThan(0);
    expect(deliveredFiles(dir, "crash").length).toBeLessThan(total);
    if (engine === "embedded") await closeDb();

    const second = startWorker(dir);
    let secondOutput = "";
    second.stdout.on("data", (d) => (secondOutput += d));
    second.stderr.on("data", (d) => (secondOutput += d));
    await waitFor(
      () => deliveredFiles(dir, "crash").length >= total,
      180_000,
      () =>
        `all deliveries after restart (${deliveredFiles(dir, "crash").length} of ${total}; worker said: ${secondOutput.slice(-2_000)})`,
    );
    second.kill("SIGTERM");
    await new Promise((r) => second.once("exit", r));

    expect(deliveredFiles(dir, "crash")).toHaveLength(total);
    // Each send the log records is a different message: nothing went out twice.
    const logged = deliveries(dir, "crash");
    expect(new Set(logged).size).toBe(logged.length);
    expect(logged.length).toBeLessThanOrEqual(total);
    const db = await getDb();
    const states = await queryRows<{ status: string; n: number }>(
      db,
      sql`select status, count(*)::int as n from outbox_messages where message_key like 'crash-%' group by status`,
    );
    expect(states).toEqual([{ status: "sent", n: total }]);
  }, 360_000);
});
