"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";

/** Uses the one-time link to sign in, then opens "My reports". */
export function VerifySignIn({ token }: { token: string }) {
  const t = useTranslations("account");
  const router = useRouter();
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  return (
    <>
      <p>{t("verifyIntro")}</p>
      {state === "failed" ? (
        <p className="form-error" role="alert">
          {t("verifyFailed")} <Link href="/account">{t("askAgain")}</Link>
        </p>
      ) : null}
      <button
        type="button"
        disabled={state === "busy"}
        onClick={async () => {
          setState("busy");
          const result = await signIn("email-link", { token, redirect: false });
          if (result?.ok && !result.error) {
            router.push("/account");
            router.refresh();
          } else setState("failed");
        }}
      >
        {t("verifyButton")}
      </button>
    </>
  );
}
