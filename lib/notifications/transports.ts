import "server-only";
import fs from "node:fs";
import path from "node:path";

export type OutgoingMessage = {
  messageKey: string;
  recipient: string;
  subject: string;
  body: string;
  locale: string;
  // What a machine-to-machine channel needs (the report an Open311 forward is about).
  payload?: Record<string, unknown>;
};

/**
 * Where messages go. `send` must be idempotent by `messageKey`: a worker that crashes after
 * sending but before recording it sends again, and the second send must not reach the
 * recipient twice (the file transport refuses it; SMTP carries the key as Message-ID).
 */
export type Transport = {
  name: string;
  send: (message: OutgoingMessage) => Promise<"delivered" | "already_delivered">;
};

/** One .eml-style file per message in a directory: the default, and what a test inspects. */
export function fileTransport(dir: string): Transport {
  fs.mkdirSync(dir, { recursive: true });
  return {
    name: "file",
    async send(message) {
      const final = path.join(dir, `${message.messageKey}.txt`);
      const temp = path.join(dir, `.${message.messageKey}.${process.pid}.${Date.now()}.tmp`);
      const content = `To: ${message.recipient}\nMessage-ID: <${message.messageKey}@civic-map>\nContent-Language: ${message.locale}\nSubject: ${message.subject}\n\n${message.body}\n`;
      fs.writeFileSync(temp, content);
      try {
        // link() fails if the name exists: a message already delivered is never written twice.
        fs.linkSync(temp, final);
        fs.appendFileSync(
          path.join(dir, "delivered.log"),
          `${new Date().toISOString()} ${message.messageKey} ${message.recipient}\n`,
        );
        return "delivered";
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EEXIST") return "already_delivered";
        throw err;
      } finally {
        fs.rmSync(temp, { force: true });
      }
    },
  };
}

/** SMTP through nodemailer; the message key is the Message-ID, so receivers can discard a resend. */
export async function smtpTransport(url: string, from: string): Promise<Transport> {
  const nodemailer = await import("nodemailer");
  const transporter = nodemailer.createTransport(url);
  return {
    name: "smtp",
    async send(message) {
      await transporter.sendMail({
        from,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
        messageId: `<${message.messageKey}@civic-map>`,
        headers: { "Content-Language": message.locale },
      });
      return "delivered";
    },
  };
}
