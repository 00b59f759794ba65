"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

/**
 * What a map shows in its place when the browser cannot draw one (WebGL off or missing): one
 * message, announced politely, the same on every map; the page's other ways to do the same work
 * (its lists, searches, buttons) follow it. Staff maps use the default message.
 */
export function MapUnavailable({ message, children }: { message?: string; children?: ReactNode }) {
  const t = useTranslations();
  return (
    <div className="map-unavailable" data-testid="map-unavailable">
      <p className="banner info" role="status">
        {message ?? t("noMap.staffNotice")}
      </p>
      {children}
    </div>
  );
}
