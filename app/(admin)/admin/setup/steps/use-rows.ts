"use client";

import { useState } from "react";

/** The rows a wizard step edits (organisations, categories, calendar days, staff): change one, add, remove. */
export function useRows<Row>(initial: Row[] | (() => Row[])) {
  const [rows, setRows] = useState<Row[]>(initial);
  const update = (index: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r, j) => (j === index ? { ...r, ...patch } : r)));
  const add = (row: Row) => setRows((all) => [...all, row]);
  const remove = (index: number) => setRows((all) => all.filter((_, j) => j !== index));
  return { rows, update, add, remove };
}
