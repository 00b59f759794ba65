import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Database } from "../../db/client";
import { getEnv } from "../env";
import { pruneRateLimits } from "../abuse/rate-limit";
import { defaultLocale } from "../i18n/config";
import { recoverStaleImports } from "../import/recover-stale-imports";
import { startImportJob } from "../import/start-import-job";
import { ensureOpenData } from "../open-data/datasets";
import { open311Transport } from "../open311/client/open311-transport";
import { pollOpen311Forwards } from "../open311/client/poll-forwards";
import { foldClusterDeltas } from "../tiles/fold-cluster-deltas";
import { runRetentionIfDue } from "../privacy/run-retention";
import { escalateOverdueReports } from "../workflow/escalate-overdue-reports";
import { deliverPendingMessages } from "./deliver-pending-messages";
import { fileTransport, smtpTransport, type Transport } from "./transports";

export async function configuredTransport(): Promise<Transport> {
  const env = getEnv();
  return env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.SMTP_FROM) : fileTransport(env.OUTBOX_DIR);
}

/**
 * The outbox worker (e-mail, and forwards to organisations' Open311 systems), the overdue
 * escalation and the polling of those systems, on a timer, one pass at a time. Started with the
 * app (instrumentation.ts) and runnable alone (scripts/outbox-worker.ts).
 */
export function startBackgroundWork(input: {
  db: Database;
  transport: Transport;
  pollMs: number;
  leaseSeconds?: number;
  escalateEveryMs?: number;
  open311PollEveryMs?: number;
  onError?: (err: unknown) => void;
}): { stop: () => Promise<void> } {
  const workerId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let lastEscalation = 0;
  const escalateEvery = input.escalateEveryMs ?? 60_000;
  let lastOpen311Poll = 0;
  const open311PollEvery = input.open311PollEveryMs ?? getEnv().OPEN311_POLL_SECONDS * 1_000;
  const transports = { open311: open311Transport({ db: input.db }) };

  const pass = async () => {
    // Messages first: housekeeping never holds up a notification.
    for (;;) {
      const result = await deliverPendingMessages({
        db: input.db,
        transport: input.transport,
        transports,
        workerId,
        leaseSeconds: input.leaseSeconds ?? getEnv().OUTBOX_LEASE_SECONDS,
      });
      if (result.claimed === 0 || stopped) break;
    }
    if (!stopped) await foldClusterDeltas({ db: input.db });
    if (!stopped && Date.now() - lastEscalation >= escalateEvery) {
      lastEscalation = Date.now();
      await escalateOverdueReports({ db: input.db });
      await pruneRateLimits({ db: input.db });
      await ensureOpenData(input.db);
      await recoverStaleImports({
        db: input.db,
        resume: (jobId) => startImportJob({ db: input.db, jobId, locale: defaultLocale }),
      });
      // Personal-data retention: nightly (02:00–05:00 Belgrade), idempotent, counts logged.
      await runRetentionIfDue({ db: input.db });
    }
    if (!stopped && Date.now() - lastOpen311Poll >= open311PollEvery) {
      lastOpen311Poll = Date.now();
      await pollOpen311Forwards({ db: input.db });
    }
  };
  const timer = setInterval(() => {
    running = running
      .then(() => (stopped ? undefined : pass()))
      .catch((err) => (input.onError ?? console.error)(err));
  }, input.pollMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
