"use client";

/** Opens the browser's print dialogue (which also saves as PDF). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
