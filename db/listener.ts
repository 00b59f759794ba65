import type { Client, ClientConfig } from "pg";

/**
 * A LISTEN that outlives its connection. When the server goes away (a failover, a restart, a cut
 * by HAProxy) the connection is opened again — to whichever server is primary by then — and the
 * channel subscribed again; `onReconnect` is then told, because notifications sent while nobody
 * listened are gone and whoever relies on them must catch up from the database.
 */
export type ReconnectingListener = { close: () => Promise<void> };

export async function listenReconnecting(input: {
  connect: ClientConfig;
  channel: string;
  onMessage: (payload: string) => void;
  onReconnect?: () => void;
  /** Waits between attempts, growing to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Injected by tests. */
  createClient?: (config: ClientConfig) => Client;
}): Promise<ReconnectingListener> {
  const { Client: PgClient } = await import("pg");
  const create = input.createClient ?? ((config: ClientConfig) => new PgClient(config));
  const firstDelayMs = input.firstDelayMs ?? 250;
  const maxDelayMs = input.maxDelayMs ?? 5_000;
  let closed = false;
  let current: Client | null = null;
  let timer: NodeJS.Timeout | null = null;

  const subscribe = async (): Promise<Client> => {
    const client = create(input.connect);
    // Errors on a live connection also end it; "end" below decides what happens next.
    client.on("error", (err) => console.error(`[db] listener on ${input.channel} lost:`, err.message));
    try {
      await client.connect();
      client.on("notification", (msg) => {
        if (msg.channel === input.channel && msg.payload !== undefined) input.onMessage(msg.payload);
      });
      await client.query(`LISTEN ${input.channel}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    client.on("end", () => {
      if (current !== client || closed) return;
      current = null;
      scheduleReconnect(firstDelayMs);
    });
    return client;
  };

  const scheduleReconnect = (delay: number) => {
    timer = setTimeout(async () => {
      timer = null;
      if (closed) return;
      try {
        const client = await subscribe();
        if (closed) {
          await client.end().catch(() => undefined);
          return;
        }
        current = client;
        console.info(`[db] listener on ${input.channel} reconnected`);
        input.onReconnect?.();
      } catch {
        scheduleReconnect(Math.min(maxDelayMs, delay * 2));
      }
    }, delay);
    timer.unref?.();
  };

  // The first connection fails loudly: a misconfigured server should stop the caller.
  current = await subscribe();
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      const client = current;
      current = null;
      await client?.end().catch(() => undefined);
    },
  };
}
