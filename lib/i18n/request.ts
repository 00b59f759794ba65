import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, localeCookie, negotiateLocale, type Locale } from "./config";
import { formats, timeZone } from "./formats";
import { loadMessages } from "./messages";

/**
 * The locale of the current request: chosen in the address (`/sr-Cyrl/…`, `?lang=`; see proxy.ts),
 * else the visitor's remembered choice (cookie), else their browser's languages.
 */
export async function resolveRequestLocale(): Promise<Locale> {
  const fromUrl = (await headers()).get("x-civic-locale");
  if (isLocale(fromUrl)) return fromUrl;
  const chosen = (await cookies()).get(localeCookie)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : await resolveRequestLocale();
  return { locale, messages: await loadMessages(locale), timeZone, formats };
});
