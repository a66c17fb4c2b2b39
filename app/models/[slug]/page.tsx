import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { siteBaseUrl } from "@/app/_components/base-url";
import { currentUser } from "@/app/_components/current-user";
import { linkPreview } from "@/app/_components/link-preview";
import { badgeContent } from "@/lib/badges/badge-content";
import { getBadgeFacts } from "@/lib/badges/get-badge-facts";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { formatBytes, formatDate } from "@/common/format";
import { getModel, type ModelLookup } from "@/lib/models/get-model";
import { ModelControls } from "./_owner/model-controls";
import { OwnerScope } from "./_owner/owner-scope";
import { BadgePanel } from "./badge-panel";
import { LabelPanel } from "./label-panel";
import { ResultCard } from "./result-card";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function lookup(slug: string): Promise<ModelLookup> {
  try {
    // A hidden model's page is gone for everyone but admins.
    const includeHidden = (await currentUser())?.role === "ADMIN";
    return await getModel(getDb(), slug, { includeHidden });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: slug, ...linkPreview(`${slug} · frugalboard`, `${slug}: accuracy, energy per inference and memory, measured on frugalboard.`) };
}

export default async function ModelPage({ params }: Props) {
  const { slug } = await params;
  const found = await lookup(slug);
  if (found.kind === "moved") permanentRedirect(`/models/${found.slug}`);
  const model = found.model;
  const env = getEnv();
  const grid = { gridGPerKwh: env.FRUGAL_GRID_G_PER_KWH, wueLPerKwh: env.FRUGAL_WUE_L_PER_KWH };
  const baseUrl = await siteBaseUrl();
  const db = getDb();
  const badges = await Promise.all(
    model.tasks.map(async (t) => {
      const facts = await getBadgeFacts(db, model.slug, t.taskId);
      const shown = facts.kind === "result" ? t.boards.flatMap((b) => b.results).find((r) => r.resultId === facts.resultId) : undefined;
      return { taskId: t.taskId, taskTitle: t.taskTitle, content: badgeContent(facts), shown };
    }),
  );

  const editable = { slug: model.slug, name: model.name, description: model.description, paperUrl: model.paperUrl, codeUrl: model.codeUrl, licence: model.licence };

  return (
    <OwnerScope owner={model.owner} className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href="/">Tasks</Link> / models / {model.slug}
        </p>
        <h1 className="text-2xl font-bold">{model.name}</h1>
        {model.hidden ? (
          <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            Hidden by an administrator: only administrators see this page, and the model is on no board.
          </p>
        ) : null}
        <p className="text-sm text-slate-600 dark:text-slate-300">
          <code>{model.slug}</code> · by <strong>{model.owner}</strong> · licence {model.licence ?? "not stated"} · since {formatDate(model.createdAt)}
          {model.formerSlugs.length > 0 ? <> · formerly {model.formerSlugs.map((s) => <code key={s}>{s} </code>)}</> : null}
        </p>
        {model.description ? <p className="max-w-3xl whitespace-pre-line">{model.description}</p> : null}
        {model.paperUrl || model.codeUrl ? (
          <p className="space-x-4 text-sm">
            {model.paperUrl ? (
              <a href={model.paperUrl} rel="nofollow noopener noreferrer" target="_blank">
                Paper
              </a>
            ) : null}
            {model.codeUrl ? (
              <a href={model.codeUrl} rel="nofollow noopener noreferrer" target="_blank">
                Code
              </a>
            ) : null}
          </p>
        ) : null}
        <ModelControls model={editable} hidden={model.hidden} />
      </header>

      {model.pending.length > 0 ? (
        <section className="text-sm">
          <h2 className="text-lg font-semibold">Waiting to be measured</h2>
          <ul className="list-disc pl-5">
            {model.pending.map((p) => (
              <li key={p.submissionId}>
                <Link href={`/submissions/${p.submissionId}`}>{p.taskId}</Link>: {p.status}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {model.tasks.length === 0 ? <p className="text-slate-500">No finished result yet.</p> : null}
      {model.tasks.map((task) => (
        <section key={task.taskId} className="space-y-4">
          <h2 className="text-lg font-semibold">
            <Link href={`/tasks/${task.taskId}`}>{task.taskTitle}</Link>
          </h2>
          {task.boards.map((board) => (
            <ResultCard key={`${board.hardwareProfileId}-${board.meter}`} board={board} grid={grid} />
          ))}
        </section>
      ))}

      {badges.length > 0 ? (
        <section className="space-y-4">
          <h2 className="text-lg font-semibold">Badges, labels and citation</h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Each badge shows the latest result on the task&apos;s main board and follows re-benchmarks; it keeps working if the model is renamed.
          </p>
          <div className="grid gap-6 md:grid-cols-2">
            {badges.map((b) => (
              <BadgePanel key={b.taskId} baseUrl={baseUrl} slug={model.slug} taskId={b.taskId} message={b.content.message} />
            ))}
          </div>
          {badges.map((b) =>
            b.shown ? (
              <LabelPanel key={b.taskId} baseUrl={baseUrl} model={{ slug: model.slug, name: model.name }} task={{ id: b.taskId, title: b.taskTitle }} result={b.shown} />
            ) : null,
          )}
        </section>
      ) : null}

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Versions</h2>
        <p className="text-sm text-slate-500">Every ONNX file submitted under this name, newest first, by SHA-256.</p>
        <div className="overflow-x-auto">
          <table className="text-sm" data-testid="versions">
            <thead>
              <tr className="text-left text-slate-500">
                <th className="pr-6 font-medium">SHA-256</th>
                <th className="pr-6 font-medium">Size</th>
                <th className="pr-6 font-medium">First submitted</th>
                <th className="pr-6 font-medium">Tasks</th>
              </tr>
            </thead>
            <tbody>
              {model.versions.map((v) => (
                <tr key={v.sha256} className="num">
                  <td className="pr-6">
                    <code className="break-all text-xs">{v.sha256}</code>
                  </td>
                  <td className="pr-6 whitespace-nowrap">{formatBytes(v.sizeBytes)}</td>
                  <td className="pr-6 whitespace-nowrap">{formatDate(v.firstSubmittedAt)}</td>
                  <td className="pr-6">{v.tasks.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <p className="text-xs text-slate-500">
        As JSON: <a href={`/api/v1/models/${model.slug}`}>/api/v1/models/{model.slug}</a>
      </p>
    </OwnerScope>
  );
}
