"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { countQueued, sendQueued, type SendResult } from "./draft-store";

/**
 * Reports kept on this device while it was offline go out when the connection returns (and each
 * time the flow opens), and the citizen is told their tracking codes.
 */
export function QueuedFilings() {
  const t = useTranslations("report");
  const [result, setResult] = useState<SendResult>({ sent: [], refused: [] });
  useEffect(() => {
    let sending = false;
    const send = async () => {
      if (sending || !navigator.onLine) return;
      sending = true;
      try {
        if ((await countQueued()) === 0) return;
        const done = await sendQueued();
        setResult((r) => ({ sent: [...r.sent, ...done.sent], refused: [...r.refused, ...done.refused] }));
      } catch {
        // IndexedDB unavailable (a private window): nothing was kept to send.
      } finally {
        sending = false;
      }
    };
    void send();
    window.addEventListener("online", send);
    return () => window.removeEventListener("online", send);
  }, []);
  if (result.sent.length === 0 && result.refused.length === 0) return null;
  return (
    <div className="banner info queued-filings" role="status" data-testid="queued-filings">
      {result.sent.map((s) => (
        <p key={s.trackingCode}>
          {t("queuedSent")}{" "}
          <Link href={`/reports/${s.trackingCode}`} data-testid="queued-code">
            {s.trackingCode}
          </Link>
        </p>
      ))}
      {result.refused.map((message, i) => (
        <p key={i}>{t("queuedRefused", { message })}</p>
      ))}
    </div>
  );
}
