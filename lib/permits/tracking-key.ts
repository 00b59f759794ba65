// How an application is addressed for tracking: its registry number and the applicant's key. Pure
// helpers, shared by the server and the application form's receipt.

/** Normalises a registry number as people type it: spaces and letter case do not matter. */
export function normaliseReference(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase().slice(0, 40);
}

/**
 * Normalises a tracking key as people type or read it out: spaces, dashes and letter case do not
 * matter. Anything but twelve hexadecimal characters is no key.
 */
export function normaliseTrackingKey(input: string | null | undefined): string | null {
  const key = (input ?? "").replace(/[\s-]+/g, "").toUpperCase();
  return /^[0-9A-F]{12}$/.test(key) ? key : null;
}

/** A tracking key as the receipt prints it: three groups of four, easy to read out. */
export function formatTrackingKey(key: string): string {
  return key.match(/.{1,4}/g)?.join("-") ?? key;
}

/** The tracking page's address for an application: its number and, for the applicant, the key. */
export function trackingPath(reference: string, key?: string | null): string {
  const query = new URLSearchParams({ number: reference });
  if (key) query.set("key", key);
  return `/permits/track?${query.toString()}`;
}
