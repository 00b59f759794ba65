import type { ReactNode } from "react";
import "./public.css";

/** Citizens' pages: their stylesheet. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return children;
}
