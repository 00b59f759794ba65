"use client";

import { useEffect, useState } from "react";
import type { CategoryGroupChoice } from "@/lib/reports/list-categories";
import type { Position } from "./report-draft";

/** The address under the pin (reverse geocoded), announced to screen readers; null until known. */
export function usePlaceLabel(position: Position | null): string | null {
  const [label, setLabel] = useState<string | null>(null);
  useEffect(() => {
    if (!position) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/places/reverse?lng=${position[0]}&lat=${position[1]}`, {
          signal: controller.signal,
        });
        if (res.ok) setLabel((await res.json()).label ?? null);
      } catch {
        // Leave the previous label; the pin is still placed.
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [position]);
  return label;
}

/**
 * The categories offered at the pin: several municipalities may share the site, so they are those
 * of the one under the pin, starting from the page's own.
 */
export function useOfferedGroups(groups: CategoryGroupChoice[], position: Position | null) {
  const [offered, setOffered] = useState(groups);
  useEffect(() => {
    if (!position) return;
    const controller = new AbortController();
    fetch(`/api/categories?lng=${position[0]}&lat=${position[1]}`, { signal: controller.signal })
      .then(async (res) => (res.ok ? setOffered((await res.json()).groups) : undefined))
      .catch(() => undefined);
    return () => controller.abort();
  }, [position]);
  return offered;
}
