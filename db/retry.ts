/**
 * Surviving a database failover: when the primary dies, Patroni promotes the synchronous standby
 * and HAProxy cuts every open connection to the old one. A statement running at that moment fails
 * with a connection error, and for the next seconds new connections are refused. Work that is
 * idempotent (a filing carries its submission key, so a retry after a lost acknowledgement finds
 * the first report instead of writing a second) is retried here until the new primary answers.
 */

/** PostgreSQL error classes that mean "the server went away", not "the statement was wrong". */
const LOST_SQLSTATES = new Set([
  "57P01", // admin_shutdown (Patroni stopping a demoted primary)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, or promoting)
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  // A connection that still reaches a server that has just become a standby.
  "25006", // read_only_sql_transaction
]);

const LOST_NODE_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);

const LOST_MESSAGES = [
  /connection terminated/i,
  /terminating connection/i,
  /connection error/i,
  /timeout exceeded when trying to connect/i,
  /server closed the connection/i,
  /the database system is (starting up|shutting down|in recovery)/i,
  /Client was closed and is not queryable/i,
];

/**
 * True when `err` (or any error it wraps: drizzle puts the driver's error in `cause`) says the
 * connection to the server was lost or refused.
 */
export function isConnectionLoss(err: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === "string" && (LOST_SQLSTATES.has(e.code) || LOST_NODE_CODES.has(e.code)))
      return true;
    if (typeof e.message === "string" && LOST_MESSAGES.some((re) => re.test(e.message as string)))
      return true;
    current = e.cause;
  }
  return false;
}

export type RetryOptions = {
  /** Give up after this long in all (a failover takes 5–15 s; beyond this the caller gets the error). */
  deadlineMs?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Told of each retry (logs). */
  onRetry?: (attempt: number, err: unknown) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
};

/**
 * Runs `work`, and again after a growing pause each time it fails with a lost connection, until it
 * succeeds, fails otherwise, or `deadlineMs` has passed. `work` must be safe to repeat: a
 * transaction whose COMMIT was sent but never acknowledged may have committed.
 */
export async function retryOnConnectionLoss<T>(
  work: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const deadlineMs = options.deadlineMs ?? 30_000;
  const maxDelayMs = options.maxDelayMs ?? 2_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = now();
  let delay = options.firstDelayMs ?? 100;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!isConnectionLoss(err) || now() - started + delay > deadlineMs) throw err;
      options.onRetry?.(attempt, err);
      await sleep(delay);
      delay = Math.min(maxDelayMs, delay * 2);
    }
  }
}

/** The default logging retry for request handlers. */
export function retryLogged<T>(what: string, work: () => Promise<T>): Promise<T> {
  return retryOnConnectionLoss(work, {
    onRetry: (attempt, err) =>
      console.warn(`[db] ${what}: connection lost (${(err as Error).message}); retry ${attempt}`),
  });
}
