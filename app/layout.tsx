import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getEnv } from "@/lib/env";
import { linkPreview } from "./_components/link-preview";
import { UserNav } from "./_components/user-nav";
import "./globals.css";

const DESCRIPTION = "An open leaderboard that ranks small machine-learning models by accuracy per joule.";

export function generateMetadata(): Metadata {
  // Link previews need absolute image URLs: from FRUGAL_PUBLIC_URL when set (Next.js falls back to localhost:PORT).
  const publicUrl = getEnv().FRUGAL_PUBLIC_URL;
  return {
    ...(publicUrl ? { metadataBase: new URL(publicUrl) } : {}),
    title: { default: "frugalboard — accuracy per joule", template: "%s · frugalboard" },
    description: DESCRIPTION,
    icons: { icon: [{ url: "/favicon.svg", type: "image/svg+xml" }], apple: [{ url: "/apple-touch-icon.png", sizes: "180x180" }] },
    ...linkPreview("frugalboard — accuracy per joule", DESCRIPTION),
  };
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-slate-200 dark:border-slate-800">
          <nav className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3 text-sm">
            <Link href="/" className="text-base font-semibold text-slate-900 no-underline dark:text-white">
              frugal<span className="text-emerald-600">board</span>
            </Link>
            <Link href="/">Tasks</Link>
            <Link href="/methodology">Methodology</Link>
            <Link href="/data">Open data</Link>
            <Link href="/submit">Submit a model</Link>
            <a href="/api/v1/tasks">API</a>
            <UserNav />
          </nav>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      </body>
    </html>
  );
}
