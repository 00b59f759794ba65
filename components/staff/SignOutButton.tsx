"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { forgetEverything, listQueue } from "@/components/field/offline-store";

/**
 * Signs out and leaves nothing on the device: the field app's stored list (which may hold reporters'
 * contacts) and its queue go too, after a warning when changes are still waiting to be sent.
 */
export function SignOutButton() {
  const t = useTranslations("signin");
  return (
    <button
      type="button"
      className="secondary"
      onClick={async () => {
        const waiting = (await listQueue().catch(() => [])).length;
        if (waiting > 0 && !window.confirm(t("signOutWaiting", { count: waiting }))) return;
        await forgetEverything().catch(() => undefined);
        await signOut({ callbackUrl: "/" });
      }}
    >
      {t("signOut")}
    </button>
  );
}
