import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smtpTransport } from "../../../lib/notifications/transports";
import { startSmtpSink } from "../../helpers/smtp-sink";

describe("the SMTP transport", () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.stop();
  });

  it("sends the message with its idempotent key as Message-ID and its language", async () => {
    const transport = await smtpTransport(sink.url, "Kontakt centar <no-reply@cuprija.example>");
    await transport.send({
      messageKey: "report-7-event-9-to-abc",
      recipient: "mila@mail.example",
      subject: "Пријава 7KQ4-M2XP је примљена",
      body: "Хвала.",
      locale: "sr-Cyrl",
    });
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.to).toEqual(["mila@mail.example"]);
    expect(mail.raw).toMatch(/^Message-ID: <report-7-event-9-to-abc@civic-map>/im);
    expect(mail.raw).toMatch(/^Content-Language: sr-Cyrl/im);
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/im);
  });
});
