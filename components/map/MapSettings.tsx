"use client";

import { createContext, useContext, type ReactNode } from "react";

/** What every map needs from the server's configuration: the base style and how long to wait for it. */
export type MapSettings = { styleUrl: string; styleTimeoutMs: number };

const MapSettingsContext = createContext<MapSettings | null>(null);

/** Given once by the root layout from the environment, so maps need not be handed it through every component. */
export function MapSettingsProvider({ value, children }: { value: MapSettings; children: ReactNode }) {
  return <MapSettingsContext.Provider value={value}>{children}</MapSettingsContext.Provider>;
}

/** The map settings of the root layout (a programming error without its provider). */
export function useMapSettings(): MapSettings {
  const settings = useContext(MapSettingsContext);
  if (!settings) throw new Error("useMapSettings needs the MapSettingsProvider of the root layout");
  return settings;
}
