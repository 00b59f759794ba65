"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function CitizenSignOut() {
  const t = useTranslations("account");
  return (
    <button type="button" className="secondary" onClick={() => signOut({ callbackUrl: "/account" })}>
      {t("signOut")}
    </button>
  );
}
