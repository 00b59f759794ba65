import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { unsealMessage } from "./sealed-link";
import type { Transport } from "./transports";

export const MAX_ATTEMPTS = 8;

/** Retry delay after the n-th failed attempt: 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3_600, 30 * 2 ** Math.max(0, attempts - 1));
}

type Claimed = {
  id: number;
  message_key: string;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  locale: string;
  payload: Record<string, unknown>;
  attempts: number;
};

/** A failure no retry can mend (the receiving system refused the message as invalid): give up now. */
export class PermanentDeliveryError extends Error {}

/**
 * One pass of the outbox worker: claim a batch (FOR UPDATE SKIP LOCKED, so several workers
 * never take the same message), send each, and mark it sent only after the transport accepted
 * it. A claim is a lease: if the worker dies, the messages are claimable again once it expires,
 * and the idempotent transport makes the resend harmless. `transport` carries e-mail; other
 * channels (an organisation's Open311 system) are delivered only by a worker given their transport.
 */
export async function deliverPendingMessages(input: {
  db: Database;
  transport: Transport;
  transports?: Partial<Record<string, Transport>>;
  workerId: string;
  batchSize?: number;
  leaseSeconds?: number;
}): Promise<{ claimed: number; sent: number; failed: number }> {
  const { db, workerId } = input;
  const transports: Record<string, Transport> = { email: input.transport };
  for (const [channel, transport] of Object.entries(input.transports ?? {}))
    if (transport) transports[channel] = transport;
  const channels = Object.keys(transports);
  const claimed = await queryRows<Claimed>(
    db,
    sql`update outbox_messages
        set claimed_by = ${workerId}, claimed_until = now() + make_interval(secs => ${input.leaseSeconds ?? 60}),
            attempts = attempts + 1
        where id in (
          select id from outbox_messages
          where status = 'pending' and next_attempt_at <= now() and (claimed_until is null or claimed_until < now())
            and channel in ${channels}
          order by id
          limit ${input.batchSize ?? 25}
          for update skip locked)
        returning id, message_key, channel, recipient, subject, body, locale, payload, attempts`,
  );
  let sent = 0;
  let failed = 0;
  for (const message of claimed.sort((a, b) => a.id - b.id)) {
    try {
      const outgoing = unsealMessage({ body: message.body, payload: message.payload ?? {} });
      await transports[message.channel]!.send({
        messageKey: message.message_key,
        recipient: message.recipient,
        subject: message.subject,
        body: outgoing.body,
        locale: message.locale,
        payload: outgoing.payload,
      });
      // A sealed sign-in link is erased once it has been sent.
      await db.execute(
        sql`update outbox_messages set status = 'sent', sent_at = now(), claimed_by = null, claimed_until = null, last_error = null,
                   payload = payload - 'sealedLink'
            where id = ${message.id} and claimed_by = ${workerId}`,
      );
      sent++;
    } catch (err) {
      failed++;
      const giveUp = message.attempts >= MAX_ATTEMPTS || err instanceof PermanentDeliveryError;
      await db.execute(
        sql`update outbox_messages
            set status = ${giveUp ? "failed" : "pending"}::outbox_status,
                next_attempt_at = now() + make_interval(secs => ${backoffSeconds(message.attempts)}),
                claimed_by = null, claimed_until = null, last_error = ${String((err as Error).message).slice(0, 500)}
            where id = ${message.id} and claimed_by = ${workerId}`,
      );
    }
  }
  return { claimed: claimed.length, sent, failed };
}
