import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { VerifySignIn } from "@/components/account/VerifySignIn";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("verifyTitle") };
}

type Props = { searchParams: Promise<{ token?: string }> };

/**
 * Where the e-mailed link lands. Signing in takes a press of the button (a POST), so a mail
 * program that opens links to check them does not use up the one-time link.
 */
export default async function VerifyPage({ searchParams }: Props) {
  const t = await getTranslations("account");
  const { token } = await searchParams;
  return (
    <main id="main" className="page narrow">
      <h1>{t("verifyTitle")}</h1>
      {token ? <VerifySignIn token={token} /> : <p role="alert">{t("verifyMissing")}</p>}
    </main>
  );
}
