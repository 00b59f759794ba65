"use client";

import type { ReportsMapInput, ReportsMapHandle } from "./reports-map-runtime";
import { whenShownAndIdle } from "./when-shown";

export type { ReportsMapHandle, ReportsMapInput };

/**
 * Starts the public map once its container is on screen and the browser is idle, loading the
 * map's code (MapLibre and our layers, ./reports-map-runtime) only then, as its own chunks. Null
 * when `signal` was aborted first.
 */
export async function mountReportsMap(
  input: ReportsMapInput & { signal: AbortSignal },
): Promise<ReportsMapHandle | null> {
  await whenShownAndIdle(input.container, input.signal);
  const { startReportsMap } = await import("./reports-map-runtime");
  if (input.signal.aborted) return null;
  const handle = await startReportsMap(input);
  if (input.signal.aborted) {
    handle.remove();
    return null;
  }
  return handle;
}
