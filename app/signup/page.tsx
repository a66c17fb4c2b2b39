import type { Metadata } from "next";
import Link from "next/link";
import { AuthForm } from "@/app/_components/auth-form";
import { safeNext } from "@/app/_components/safe-next";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  return (
    <div className="max-w-sm space-y-4">
      <h1 className="text-2xl font-bold">Create an account</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        An account lets you submit models from this site, and make API tokens to submit from scripts and CI. Reading the
        boards needs none.
      </p>
      <AuthForm mode="signup" next={next} />
      <p className="text-sm">
        Have an account? <Link href={`/signin?next=${encodeURIComponent(next)}`}>Sign in</Link>.
      </p>
    </div>
  );
}
