"use client";

import { useState } from "react";
import { getSession, signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

export function SignInForm({
  callbackUrl,
  initialError,
}: {
  callbackUrl: string | null;
  initialError: string | null;
}) {
  const t = useTranslations("signin");
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? t("failed") : null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setBusy(false);
    if (!result || result.error) {
      setError(result?.error === "RateLimited" ? t("rateLimited") : t("failed"));
      return;
    }
    // A citizen never lands in the staff workspace (it would only say the role has no access).
    const session = (await getSession().catch(() => null)) as { citizen?: unknown } | null;
    const citizen = Boolean(session?.citizen);
    const staffOnly = (path: string) => /^\/(staff|admin)(\/|$|\?)/.test(path);
    router.push(
      citizen
        ? callbackUrl && !staffOnly(callbackUrl)
          ? callbackUrl
          : "/account"
        : (callbackUrl ?? "/staff"),
    );
    router.refresh();
  };

  return (
    <form onSubmit={submit} className="signin-form">
      <label htmlFor="email">{t("email")}</label>
      <input id="email" name="email" type="email" autoComplete="username" required />
      <label htmlFor="password">{t("password")}</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {t("submit")}
      </button>
    </form>
  );
}
