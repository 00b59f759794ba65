import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { queryOne } from "../../../db/query";
import { PermanentDeliveryError } from "../../notifications/deliver-pending-messages";
import type { Transport } from "../../notifications/transports";
import { callOpen311, type Fetch } from "./http";

type ForwardRow = {
  id: number;
  state: "queued" | "accepted" | "linked" | "failed";
  external_service_code: string;
  base_url: string;
  api_key: string;
  jurisdiction_id: string | null;
  tracking_code: string;
  description: string;
  address: string | null;
  media_url: string | null;
  answers: Record<string, string | number | string[]>;
  lat: number;
  long: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  anonymous: boolean | null;
};

type PostAnswer = Array<{
  service_request_id?: string | number | null;
  token?: string | null;
  service_notice?: string | null;
}>;

/**
 * The form we post. Built only from the stored report, so a retry sends the same form, and a
 * receiving system that recognises a repeated submission (as this platform's own Open311 server
 * does) files it once. The reporter's contact goes to the organisation handling the report,
 * as it would see it in our console, unless the reporter asked to stay anonymous.
 */
export function buildForwardForm(row: ForwardRow): URLSearchParams {
  const form = new URLSearchParams();
  form.set("api_key", row.api_key);
  if (row.jurisdiction_id) form.set("jurisdiction_id", row.jurisdiction_id);
  form.set("service_code", row.external_service_code);
  form.set("lat", row.lat.toFixed(7));
  form.set("long", row.long.toFixed(7));
  if (row.address) form.set("address_string", row.address);
  form.set("description", `${row.description}\n\n[${row.tracking_code}]`.slice(0, 4_000));
  if (row.media_url) form.set("media_url", row.media_url);
  for (const [code, value] of Object.entries(row.answers ?? {})) {
    if (Array.isArray(value)) for (const item of value) form.append(`attribute[${code}][]`, item);
    else form.set(`attribute[${code}]`, String(value));
  }
  if (!row.anonymous) {
    const [first, ...rest] = (row.name ?? "").trim().split(/\s+/);
    if (first) form.set("first_name", first);
    if (rest.length > 0) form.set("last_name", rest.join(" "));
    if (row.email) form.set("email", row.email);
    if (row.phone) form.set("phone", row.phone);
  }
  return form;
}

/**
 * Delivers `open311` outbox messages: posts the report to the organisation's system and records
 * the id (or the token to redeem for one later) it answered with. A forward that already has
 * its answer is not posted again.
 */
export function open311Transport(input: { db: Database; fetch?: Fetch }): Transport {
  const doFetch = input.fetch ?? fetch;
  const { db } = input;
  return {
    name: "open311",
    async send(message) {
      const forwardId = Number(message.payload?.forwardId);
      const row = await queryOne<ForwardRow>(
        db,
        sql`select f.id, f.state, f.external_service_code, e.base_url, e.api_key, e.jurisdiction_id,
                   r.tracking_code, r.description, r.address, r.media_url, r.answers,
                   ST_Y(r.location) as lat, ST_X(r.location) as long,
                   c.name, c.email, c.phone, c.anonymous
            from report_forwards f
            join open311_endpoints e on e.id = f.endpoint_id
            join reports r on r.id = f.report_id
            left join report_contacts c on c.report_id = r.id
            where f.id = ${forwardId}`,
      );
      if (!row) throw new PermanentDeliveryError(`forward ${forwardId} does not exist`);
      if (row.state === "accepted" || row.state === "linked") return "already_delivered";
      try {
        const answer = await callOpen311<PostAnswer>({
          fetch: doFetch,
          url: `${row.base_url.replace(/\/$/, "")}/requests.json`,
          form: buildForwardForm(row),
        });
        const first = Array.isArray(answer) ? answer[0] : undefined;
        const requestId = first?.service_request_id == null ? null : String(first.service_request_id);
        const token = first?.token ?? null;
        if (!requestId && !token)
          throw new PermanentDeliveryError("the system answered without a service_request_id or token");
        await db.execute(
          sql`update report_forwards
              set state = ${requestId ? "linked" : "accepted"}::open311_forward_state, external_request_id = ${requestId},
                  token = ${token}, external_status = 'open', sent_at = now(), last_error = null
              where id = ${row.id}`,
        );
        return "delivered";
      } catch (err) {
        const permanent = err instanceof PermanentDeliveryError;
        await db.execute(
          sql`update report_forwards
              set last_error = ${String((err as Error).message).slice(0, 500)},
                  state = ${permanent ? "failed" : row.state}::open311_forward_state
              where id = ${row.id}`,
        );
        throw err;
      }
    },
  };
}
