/** The font stacks the published style names, and the files they are drawn from (DejaVu, free licence). */
export const glyphFonts = [
  { name: "DejaVu Sans", file: "DejaVuSans.ttf" },
  { name: "DejaVu Sans Bold", file: "DejaVuSans-Bold.ttf" },
] as const;

/**
 * The 256-character ranges served: Latin with Serbian Latin (č ć đ š ž), Cyrillic, general
 * punctuation (– “ ” …). Other ranges answer an empty set, so a label falls back to nothing rather
 * than an error.
 */
export const glyphRanges = [0, 256, 1024, 8192] as const;
