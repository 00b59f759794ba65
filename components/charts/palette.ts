/**
 * Colour-blind-safe palette (Okabe–Ito), in the order series are drawn. Kept out of the chart's
 * client module: a server component importing a value from a "use client" file gets a reference,
 * not the value.
 */
export const chartPalette = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#D55E00",
  "#CC79A7",
  "#56B4E9",
  "#F0E442",
  "#000000",
];
