"use client";

import { useSyncExternalStore } from "react";

let known: boolean | undefined;

/**
 * Whether this browser can draw MapLibre's maps. Old phones, locked-down office PCs and some
 * screen-reader setups have WebGL off; the map pages then show their lists and searches instead.
 */
export function hasWebGL(): boolean {
  if (known === undefined) {
    try {
      const canvas = document.createElement("canvas");
      known = Boolean(canvas.getContext("webgl2") ?? canvas.getContext("webgl"));
    } catch {
      known = false;
    }
  }
  return known;
}

const subscribe = () => () => {};

/**
 * hasWebGL() for rendering: true on the server and while hydrating, the browser's answer after.
 * Asking makes a WebGL context (tens of milliseconds, several times that on a modest phone), so a
 * page whose map is not wanted yet passes `when` false and is told true until it is.
 */
export function useWebGL(when = true): boolean {
  return useSyncExternalStore(subscribe, when ? hasWebGL : yes, yes);
}

const yes = () => true;
