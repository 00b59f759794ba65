import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";
import "./public.css";

/** Citizens' pages: their stylesheet, and the web app manifest in the reader's language and script. */
export async function generateMetadata(): Promise<Metadata> {
  return { manifest: `/api/manifest/${await getLocale()}` };
}

export default function PublicLayout({ children }: { children: ReactNode }) {
  return children;
}
