"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("signin");
  return (
    <button type="button" className="secondary" onClick={() => signOut({ callbackUrl: "/" })}>
      {t("signOut")}
    </button>
  );
}
