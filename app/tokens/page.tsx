import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/app/_components/current-user";
import { SignOutEverywhere } from "./sign-out-everywhere";
import { TokenManager } from "./token-manager";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?next=/tokens");
  return (
    <div className="max-w-3xl space-y-8">
      <section className="space-y-3">
        <h1 className="text-2xl font-bold">API tokens</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          A token lets a script or CI submit as <strong>{user.username}</strong>: send it as{" "}
          <code>Authorization: Bearer &lt;token&gt;</code>, or set <code>FRUGALBOARD_TOKEN</code> for the CLI. It is shown
          once, when made; only its hash is kept. Revoke one you no longer use, or that may have leaked: it stops working at once.
        </p>
        <TokenManager />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Sessions</h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Signed in on a computer you no longer use? Sign out everywhere ends every browser session of your account,
          this one included. API tokens keep working; revoke them above.
        </p>
        <SignOutEverywhere />
      </section>
    </div>
  );
}
