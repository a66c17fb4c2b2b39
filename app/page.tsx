import Link from "next/link";
import { listTasks } from "@/benchmarks/tasks/catalog";
import { getDb } from "@/lib/db/client";
import { formatMicrojoules, formatPercent, formatPerJoule } from "@/lib/format";
import { getBoard } from "@/lib/leaderboard/get-board";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const db = getDb();
  const boards = await Promise.all(listTasks().map((task) => getBoard(db, task.id)));
  return (
    <div className="space-y-8">
      <section className="max-w-3xl space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">Accuracy per joule</h1>
        <p className="text-slate-600 dark:text-slate-300">
          Models are ranked by <strong>correct predictions per joule</strong> — accuracy ÷ energy per inference — among
          those that reach each task&apos;s quality floor. Every figure is measured by the same harness on a fixed test
          set; energy marked <em>estimated</em> comes from CPU time, not a power counter.
        </p>
      </section>
      <section className="grid gap-4 md:grid-cols-2">
        {boards.map((board) => {
          const top = board.entries.filter((e) => e.rank !== null).slice(0, 3);
          return (
            <article key={board.task.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
              <h2 className="text-lg font-semibold">
                <Link href={`/tasks/${board.task.id}`}>{board.task.title}</Link>
              </h2>
              <p className="text-xs text-slate-500">floor {formatPercent(board.task.qualityFloor, 0)} accuracy</p>
              {top.length === 0 ? (
                <p className="mt-3 text-sm text-slate-500">No ranked model yet.</p>
              ) : (
                <ol className="mt-3 space-y-1 text-sm">
                  {top.map((entry) => (
                    <li key={entry.submissionId} className="flex justify-between gap-2">
                      <span>
                        {entry.rank}. <Link href={`/submissions/${entry.submissionId}`}>{entry.modelName}</Link>
                      </span>
                      <span className="num text-slate-600 dark:text-slate-300">
                        {formatPercent(entry.accuracy)} · {formatMicrojoules(entry.energyPerInferenceJ)}
                        {entry.estimated ? " (est.)" : ""} · {formatPerJoule(entry.accuracyPerJoule)}/J
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </article>
          );
        })}
      </section>
    </div>
  );
}
