"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

/** Reloads the page's data when a report it may show changes elsewhere, and says so to screen readers. */
export function LiveRefresh() {
  const router = useRouter();
  const t = useTranslations("staff");
  const [updates, setUpdates] = useState(0);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource("/api/staff/events");
    source.addEventListener("open", () => setConnected(true));
    source.addEventListener("error", () => setConnected(false));
    let timer: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener("report", () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        router.refresh();
        setUpdates((n) => n + 1);
      }, 300);
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router]);
  return (
    <p
      className="sr-only"
      aria-live="polite"
      data-testid="live-updates"
      data-updates={updates}
      data-connected={connected}
    >
      {updates > 0 ? t("updated") : ""}
    </p>
  );
}
