"use server";

import { cookies } from "next/headers";
import { isLocale, localeCookie } from "@/lib/i18n/config";

/** Remembers the visitor's language and script for a year. */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: false,
  });
}
