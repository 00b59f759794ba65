import type { StatusGroup } from "../workflow/states";

/**
 * Each status group has its own shape as well as its colour, so the map never says "open" or
 * "resolved" by colour alone (WCAG 1.4.1): SVG paths in a 12×12 box, drawn on the map as icons and
 * in the legend as inline SVG.
 */
export const statusShapePaths: Record<StatusGroup, string> = {
  // Open: a circle.
  open: "M6 1a5 5 0 1 0 0.001 0Z",
  // In progress: a diamond.
  in_progress: "M6 0.5L11.5 6L6 11.5L0.5 6Z",
  // Resolved: a square.
  resolved: "M1.5 1.5H10.5V10.5H1.5Z",
  // Closed: a triangle.
  closed: "M6 1L11.5 11H0.5Z",
};

export const STATUS_SHAPE_BOX = 12;
