/**
 * Tracking codes citizens read out on the phone: 8 characters from an alphabet without the
 * look-alikes 0/O, 1/I/L, shown as two groups ("7KQ4-M2XP"). 31^8 ≈ 8.5·10^11 codes.
 */
export const TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function makeTrackingCode(random: () => number): string {
  let out = "";
  for (let i = 0; i < 8; i++) {
    if (i === 4) out += "-";
    out += TRACKING_ALPHABET[Math.floor(random() * TRACKING_ALPHABET.length)];
  }
  return out;
}

/** Accepts what people type: lower case, spaces, a missing dash, O for 0 and I/L for 1 are normalised. */
export function normaliseTrackingCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== 8) return null;
  if (![...compact].every((ch) => TRACKING_ALPHABET.includes(ch))) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

export function cryptoRandom(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0]! / 2 ** 32;
}
