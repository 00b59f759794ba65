/**
 * A change against the previous period as staff read it: "+93 %", "−12 %", "±0 %" — the sign says
 * up or down (a minus sign, not a hyphen), with the space before % that Serbian typesetting uses.
 */
export function formatChange(fraction: number): string {
  const percent = Math.round(fraction * 100);
  const sign = percent > 0 ? "+" : percent < 0 ? "−" : "±";
  return `${sign}${Math.abs(percent)} %`;
}
