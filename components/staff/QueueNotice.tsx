"use client";

import { useEffect, useState } from "react";

const EVENT = "civic:queue-notice";

/**
 * Tells the page's queue notice what just happened to a row. A row's own message would vanish with
 * the row (a resolved report leaves the list on the refresh that follows), so it is said here.
 */
export function announceQueueChange(text: string): void {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: text }));
}

/** The confirmation above a queue table: stays through the list's refreshes until the next change. */
export function QueueNotice() {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const show = (event: Event) => setText((event as CustomEvent<string>).detail);
    window.addEventListener(EVENT, show);
    return () => window.removeEventListener(EVENT, show);
  }, []);
  return (
    <p className={text ? "banner success" : "sr-only"} role="status" data-testid="queue-notice">
      {text}
    </p>
  );
}
