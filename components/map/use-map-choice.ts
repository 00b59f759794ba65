"use client";

import { useCallback, useState, useSyncExternalStore } from "react";
import { initialMapChoice, WIDE_SCREEN_QUERY, type MapChoice } from "@/lib/map/map-choice";

const CHANGED = "civic:map-choice";

function subscribeWide(onChange: () => void) {
  const query = window.matchMedia(WIDE_SCREEN_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

function subscribeStored(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export type MapChoiceState = {
  /** Null on the server and while hydrating (the width is not known there). */
  wide: boolean | null;
  /** What the page shows: on a wide screen always "map" (with the list beside it). Null until known. */
  choice: MapChoice | null;
  /** True once the interactive map should exist: wide, or chosen on a phone (it then stays loaded). */
  mapWanted: boolean;
  choose: (choice: MapChoice) => void;
};

/**
 * The map-or-list choice of a map page on a phone (lib/map/map-choice.ts), remembered on the
 * device under `storageKey`. MapLibre is loaded only once `mapWanted`.
 */
export function useMapChoice(storageKey: string, options: { linkedView?: boolean } = {}): MapChoiceState {
  const wide = useSyncExternalStore(
    subscribeWide,
    () => window.matchMedia(WIDE_SCREEN_QUERY).matches,
    () => null,
  );
  const stored = useSyncExternalStore(
    subscribeStored,
    () => readStored(storageKey),
    () => null,
  );
  // A map once shown on this page stays loaded when the reader switches to the list and back.
  const [opened, setOpened] = useState(false);
  // Chosen on this page: wins over a linked view, and holds where the device keeps no storage.
  const [picked, setPicked] = useState<MapChoice | null>(null);
  const choice =
    wide === null
      ? null
      : wide
        ? "map"
        : (picked ?? initialMapChoice({ wide, stored, linkedView: options.linkedView }));
  const choose = useCallback(
    (next: MapChoice) => {
      if (next === "map" || choice === "map") setOpened(true);
      setPicked(next);
      try {
        window.localStorage.setItem(storageKey, next);
      } catch {
        // Private browsing without storage: the choice holds for this page only.
      }
      window.dispatchEvent(new Event(CHANGED));
    },
    [storageKey, choice],
  );
  return { wide, choice, mapWanted: opened || choice === "map", choose };
}
