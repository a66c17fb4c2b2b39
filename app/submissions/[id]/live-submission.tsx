"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { formatBytes, formatCount, formatMicrojoules, formatMs, formatPercent, formatPerJoule } from "@/common/format";
import { PRECISION_LABELS } from "@/lib/leaderboard/model-format";
import type { SubmissionView } from "@/lib/submissions/get-submission";

const POLL_MS = 1_000;
const FINAL = new Set(["succeeded", "failed", "rejected", "withdrawn"]);

export function LiveSubmission({ initial }: { initial: SubmissionView }) {
  const [view, setView] = useState(initial);

  useEffect(() => {
    if (FINAL.has(view.status)) return;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/v1/submissions/${view.id}`, { cache: "no-store" });
        if (response.ok) setView(await response.json());
        else setView({ ...view });
      } catch {
        setView({ ...view });
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [view]);

  const result = view.result;
  return (
    <div className="max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{view.model.name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Task <Link href={`/tasks/${view.task}`}>{view.task}</Link> · SHA-256 <code className="text-xs">{view.sha256.slice(0, 16)}…</code>
        </p>
      </header>
      <section className="space-y-2">
        <p className="text-sm">
          Status: <strong data-testid="status">{view.status}</strong>
          {view.queuePosition ? <> · position {view.queuePosition} in the queue</> : null}
          {view.status === "running" && view.phase ? <> · {view.phase}</> : null}
        </p>
        <div className="h-3 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={view.progress}>
          <div className="h-full bg-emerald-500 transition-all" style={{ width: `${view.progress}%` }} />
        </div>
        {view.error ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            {view.error.message}
          </p>
        ) : null}
      </section>
      {result ? (
        <section className="space-y-3" data-testid="result">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-3">
            <Figure label="Accuracy" value={formatPercent(result.accuracy)} />
            <Figure label="Macro-F1" value={formatPercent(result.macroF1)} />
            <Figure label={`Energy / inference${result.estimated ? " (estimated)" : ""}`} value={`${formatMicrojoules(result.energyPerInferenceJ)} (95% CI ${formatMicrojoules(result.energyCi95J[0])}–${formatMicrojoules(result.energyCi95J[1])})`} />
            <Figure label="Accuracy per joule" value={formatPerJoule(result.accuracyPerJoule)} />
            <Figure label="Model memory" value={formatBytes(result.modelMemoryBytes)} />
            <Figure label="Parameters" value={formatCount(result.paramCount)} />
            {/* Results recorded before precision was detected have none in their payload. */}
            <Figure label="Precision" value={`${PRECISION_LABELS[result.precision] ?? "–"}${result.onnxruntimeOperators?.length ? " · onnxruntime operators" : ""}`} />
            <Figure label="File size" value={formatBytes(result.fileBytes)} />
            <Figure label="Latency p50 (batch 1)" value={formatMs(result.latencyP50Ms)} />
            <Figure label="Meter" value={`${result.meter}${result.estimated ? " (estimated)" : ""}`} />
          </dl>
          <p className="space-x-4 text-sm">
            <Link href={`/tasks/${view.task}`}>See the {view.task} board →</Link>
            <Link href={`/models/${view.model.slug}`}>Model page →</Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="num font-medium">{value}</dd>
    </div>
  );
}
