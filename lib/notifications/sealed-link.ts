import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { authSecret } from "../auth/secret";

/**
 * A sign-in link waiting in the outbox. The database keeps only the token's hash (sign_in_links)
 * and, in the outbox row, the message with this placeholder and the link sealed with a key derived
 * from the server secret (AES-256-GCM); the worker opens it when it sends and erases it once sent.
 * Someone who reads the database (a backup, a replica) cannot sign in as the citizen.
 */
export const SEALED_LINK_PLACEHOLDER = "[[sign-in-link]]";

const key = () => createHash("sha256").update(`outbox-link:${authSecret()}`).digest();

export function sealLink(url: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(url, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

export function openSealedLink(sealed: string): string {
  const [iv, tag, body] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", key(), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(body!), decipher.final()]).toString("utf8");
}

/** The message as it is sent: the placeholder replaced by the opened link, the sealed copy left out. */
export function unsealMessage<M extends { body: string; payload: Record<string, unknown> }>(message: M): M {
  const sealed = message.payload.sealedLink;
  if (typeof sealed !== "string") return message;
  const { sealedLink: _omit, ...payload } = message.payload;
  void _omit;
  return {
    ...message,
    body: message.body.split(SEALED_LINK_PLACEHOLDER).join(openSealedLink(sealed)),
    payload,
  };
}
