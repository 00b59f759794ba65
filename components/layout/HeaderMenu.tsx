"use client";

import { useId, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";

/**
 * On phones the header keeps the brand, the primary action and a menu button; the other links
 * and the language choice open under the button. On wider screens everything shows and the
 * button is hidden (site-header.css). Closes when the page changes.
 */
export function HeaderMenu({ label, children }: { label: string; children: ReactNode }) {
  // Open on the page where it was opened: moving to another page closes it.
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean | ((was: boolean) => boolean)) =>
    setOpenOn((typeof next === "function" ? next(open) : next) ? pathname : null);
  const id = useId();
  return (
    <div className="site-menu" data-open={open}>
      <button
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
        }}
      >
        <span aria-hidden="true">☰</span> <span className="menu-label">{label}</span>
      </button>
      <div id={id} className="site-menu-panel">
        {children}
      </div>
    </div>
  );
}
