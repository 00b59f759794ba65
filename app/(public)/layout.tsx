import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";

/** The public pages install as an app (PWA) in the reader's language and script. */
export async function generateMetadata(): Promise<Metadata> {
  return { manifest: `/api/manifest/${await getLocale()}` };
}

export default function PublicLayout({ children }: { children: ReactNode }) {
  return children;
}
