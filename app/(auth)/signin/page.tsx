import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/forms/SignInForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signin"))("title") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const t = await getTranslations("signin");
  const { callbackUrl, error } = await searchParams;
  // Only paths on this site: a sign-in link must not send people elsewhere afterwards. Without one,
  // the form sends staff to their workspace and citizens to "My reports".
  const target =
    callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : null;
  return (
    <main id="main" className="page narrow">
      <h1>{t("title")}</h1>
      <SignInForm callbackUrl={target} initialError={error ?? null} />
    </main>
  );
}
