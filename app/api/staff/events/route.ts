import { asStaff } from "@/lib/auth/db-scope";
import { withStaffStream } from "@/lib/auth/session";
import { listReportChangesSince, subscribeReportChanges, type ReportChange } from "@/lib/live/report-changes";
import { isChangeVisible } from "@/lib/live/visible-change";

export const dynamic = "force-dynamic";

/**
 * Server-sent events: every change to a report this user works on (the desk: every report of their
 * municipalities; others: their organisations' reports). Fed by PostgreSQL LISTEN/NOTIFY, so a change
 * made through any app process reaches every open screen. Each event's id is the report's
 * updated_at; a browser that reconnects (to this instance or another, after a restart or a
 * failover) sends it back as Last-Event-ID and first gets what it missed.
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
      const event = (change: ReportChange) =>
        `id: ${change.updatedAt}\nevent: report\ndata: ${JSON.stringify(change)}\n\n`;
      // Subscribed before the catch-up is read, so nothing falls between the two.
      const unsubscribe = await subscribeReportChanges((change) => {
        // Row-level security decides, as for every read (lib/live/visible-change.ts).
        void isChangeVisible(user.claims, change).then(
          (visible) => {
            if (visible) send(event(change));
          },
          (err: Error) => console.error("[events] visibility check failed", err.message),
        );
      });
      const lastEventId = req.headers.get("last-event-id");
      if (lastEventId) {
        // Read under the user's row-level security: only reports they may read come back.
        const missed = await asStaff(user.claims, (db) =>
          listReportChangesSince({ db, since: lastEventId, municipalityIds: user.municipalityIds }),
        );
        for (const change of missed) send(event(change));
      }
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
