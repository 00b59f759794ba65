"use client";

/**
 * Resolves once `element` is on screen (or nearly) and the browser is idle: a map page paints,
 * hydrates and lists its reports first, and only then fetches and starts the map's ~300 KiB of
 * code. Never resolves once `signal` is aborted (the page moved on).
 */
export function whenShownAndIdle(element: HTMLElement, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => {
      if (signal.aborted) return;
      if (typeof window.requestIdleCallback === "function")
        window.requestIdleCallback(() => !signal.aborted && resolve(), { timeout: 1500 });
      else setTimeout(() => !signal.aborted && resolve(), 50);
    };
    if (typeof IntersectionObserver !== "function") return idle();
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        idle();
      },
      { rootMargin: "25%" },
    );
    observer.observe(element);
    signal.addEventListener("abort", () => observer.disconnect(), { once: true });
  });
}
