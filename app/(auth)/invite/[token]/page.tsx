import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { isAppError } from "@/lib/errors";
import { acceptInvitation, findInvitation, MIN_PASSWORD_LENGTH } from "@/lib/onboarding/accept-invitation";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("title") };
}

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ error?: string }> };

/** An invited staff member chooses a password with the one-time link from the setup wizard. */
export default async function InvitePage({ params, searchParams }: Props) {
  const { token } = await params;
  const { error } = await searchParams;
  const t = await getTranslations("invite");
  const tErrors = await getTranslations("errors");
  const invitation = await findInvitation({ db: await getDb(), token });
  if (!invitation) {
    return (
      <main id="main" className="page narrow">
        <h1>{t("title")}</h1>
        <p role="alert">{tErrors("invitationInvalid")}</p>
      </main>
    );
  }

  async function accept(form: FormData) {
    "use server";
    const password = String(form.get("password") ?? "");
    try {
      await acceptInvitation({ db: await getDb(), token, password });
    } catch (err) {
      if (isAppError(err)) redirect(`/invite/${encodeURIComponent(token)}?error=${err.messageKey}`);
      throw err;
    }
    redirect("/signin?callbackUrl=/staff");
  }

  return (
    <main id="main" className="page narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro", { name: invitation.name, email: invitation.email })}</p>
      {error === "invitationPasswordShort" || error === "invitationInvalid" ? (
        <p role="alert" className="error">
          {tErrors(error, { min: MIN_PASSWORD_LENGTH })}
        </p>
      ) : null}
      <form action={accept}>
        <label htmlFor="invite-password">{t("password")}</label>
        <input
          id="invite-password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          required
          aria-describedby="invite-hint"
        />
        <p id="invite-hint" className="hint">
          {t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
        </p>
        <button type="submit" className="button primary">
          {t("submit")}
        </button>
      </form>
    </main>
  );
}
