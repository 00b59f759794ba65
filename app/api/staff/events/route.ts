import { withStaffStream } from "@/lib/auth/session";
import { subscribeReportChanges } from "@/lib/live/report-changes";
import { isChangeVisible } from "@/lib/live/visible-change";

export const dynamic = "force-dynamic";

/**
 * Server-sent events: every change to a report this user works on (the desk: every report of their
 * municipalities; others: their organisations' reports). Fed by PostgreSQL LISTEN/NOTIFY, so a change
 * made through any app process reaches every open screen.
 */
export const GET = withStaffStream("reports.view", async (req, { user }) => {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await subscribeReportChanges((change) => {
        // Row-level security decides, as for every read (lib/live/visible-change.ts).
        void isChangeVisible(user.claims, change).then(
          (visible) => {
            if (visible) send(`event: report\ndata: ${JSON.stringify(change)}\n\n`);
          },
          (err: Error) => console.error("[events] visibility check failed", err.message),
        );
      });
      // A comment every 25 s keeps proxies from closing an idle stream.
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), 25_000);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      req.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed.
        }
      });
      send("retry: 3000\n\n");
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: the server's gzip would otherwise hold events back until its buffer fills.
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
    },
  });
});
