"use client";
// Shown instead of a page that could not be rendered — most often because PostgreSQL is not answering. Next.js
// passes no details in production (only a digest), so the text says what usually happened and what to do.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition } from "react";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  // The page's data comes from the server: fetch it again, then render the page in place of this message.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <section role="alert" className="mx-auto max-w-xl space-y-4 py-10" data-testid="page-error">
      <h1 className="text-2xl font-semibold">This page is unavailable for a moment</h1>
      <p className="text-slate-700 dark:text-slate-200">
        The leaderboard could not read its data, usually because its database is restarting or under maintenance. Nothing you submitted is lost:
        queued benchmarks run once it is back. Try again in a minute.
      </p>
      <div className="flex items-center gap-4">
        <button type="button" onClick={retry} className="rounded bg-emerald-600 px-4 py-2 font-medium text-white hover:bg-emerald-700">
          Try again
        </button>
        <Link href="/methodology">Read how models are measured meanwhile</Link>
      </div>
      {error.digest ? <p className="text-xs text-slate-500">Reference for the site&apos;s operators: {error.digest}</p> : null}
    </section>
  );
}
