"use client";

import { useEffect, useState } from "react";

/**
 * JSON fetched for a URL that follows the form's state (null: nothing to ask). The answer belongs
 * to the URL it was fetched for, so a slow answer for an old pin never shows against a new one.
 */
export function useFetched<T>(url: string | null): T | null {
  const [found, setFound] = useState<{ url: string; value: T | null }>({ url: "", value: null });
  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    fetch(url, { signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<T>) : null))
      .then((value) => setFound({ url, value }))
      .catch(() => undefined);
    return () => controller.abort();
  }, [url]);
  return url && found.url === url ? found.value : null;
}

/** The query naming a category at a point, as the nearby and routing-preview routes take it. */
export function pointQuery(serviceCode: string | null, position: [number, number] | null): string | null {
  return serviceCode && position ? `service=${serviceCode}&lng=${position[0]}&lat=${position[1]}` : null;
}
