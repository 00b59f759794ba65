import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { apiClients, open311KeyRequests, outboxMessages } from "../../../db/schema";
import { transaction } from "../../../db/transaction";
import { recordAdminChange } from "../../admin/record-admin-change";
import { AppError } from "../../errors";
import { getEnv } from "../../env";
import { renderNotification } from "../../notifications/render";
import { SEALED_LINK_PLACEHOLDER, sealLink } from "../../notifications/sealed-link";
import { hashApiKey } from "../post-request";
import { open311KeyDecisionSchema } from "./key-request-schema";

/**
 * An administrator approves or refuses a waiting key request, with its audit row, in one
 * transaction. Approval opens an Open311 client (only the key's hash is stored) and writes the
 * e-mail that carries the key to the outbox with the key sealed (as sign-in links are): whoever reads
 * the database or a backup cannot post as the application. Refusal tells the developer too.
 */
export async function decideOpen311KeyRequest(input: {
  db: Database;
  requestId: number;
  actorUserId: number;
  body: unknown;
  now?: Date;
}): Promise<{ id: number; status: "approved" | "refused" }> {
  const { decision } = open311KeyDecisionSchema.parse(input.body);
  const now = input.now ?? new Date();
  return transaction(input.db, async (tx) => {
    const [request] = await tx
      .select()
      .from(open311KeyRequests)
      .where(eq(open311KeyRequests.id, input.requestId))
      .for("update");
    if (!request) throw new AppError({ code: "not_found", messageKey: "adminNotFound" });
    if (request.status !== "pending")
      throw new AppError({ code: "conflict", messageKey: "open311KeyRequestDecided" });

    const status = decision === "approve" ? "approved" : "refused";
    let apiClientId: number | null = null;
    const values: Record<string, string> = {
      application: request.application,
      name: request.name,
      field: "api_key",
      method: "POST",
      resource: "requests.json",
      documentation: `${getEnv().PUBLIC_BASE_URL.replace(/\/$/, "")}/open311/v2/discovery.json`,
    };
    const sealed: Record<string, unknown> = {};
    if (status === "approved") {
      const key = `o311_${randomBytes(24).toString("base64url")}`;
      const [client] = await tx
        .insert(apiClients)
        .values({ name: request.application, keyHash: hashApiKey(key), createdAt: now })
        .returning({ id: apiClients.id });
      apiClientId = client!.id;
      values.key = SEALED_LINK_PLACEHOLDER;
      sealed.sealedLink = sealLink(key);
    }
    await tx
      .update(open311KeyRequests)
      .set({ status, apiClientId, decidedBy: input.actorUserId, decidedAt: now })
      .where(and(eq(open311KeyRequests.id, request.id), eq(open311KeyRequests.status, "pending")));

    const template = status === "approved" ? "open311_key_approved" : "open311_key_refused";
    const rendered = await renderNotification({ locale: request.locale, template, values });
    await tx.insert(outboxMessages).values({
      messageKey: `open311-key-request-${request.id}-${status}`,
      recipient: request.email,
      locale: request.locale,
      template,
      subject: rendered.subject,
      body: rendered.body,
      payload: { open311KeyRequestId: request.id, ...sealed },
    });
    await recordAdminChange({
      tx,
      actorUserId: input.actorUserId,
      municipalityId: null,
      entity: "open311_key_request",
      entityId: request.id,
      action: status,
      before: { status: "pending", application: request.application, email: request.email },
      after: { status, application: request.application, email: request.email, apiClientId },
    });
    return { id: request.id, status };
  });
}
