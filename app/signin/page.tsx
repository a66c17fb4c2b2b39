import type { Metadata } from "next";
import Link from "next/link";
import { AuthForm } from "@/app/_components/auth-form";
import { safeNext } from "@/app/_components/safe-next";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  return (
    <div className="max-w-sm space-y-4">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <AuthForm mode="signin" next={next} />
      <p className="text-sm">
        No account yet? <Link href={`/signup?next=${encodeURIComponent(next)}`}>Create one</Link>.
      </p>
    </div>
  );
}
