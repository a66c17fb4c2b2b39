import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { siteBaseUrl } from "@/app/_components/base-url";
import { CiteBox } from "@/app/_components/cite-box";
import { EnergyClassChip, MeterLabel } from "@/app/_components/grades";
import { SciPanel } from "@/app/_components/sci-panel";
import { WindowPlot } from "@/app/models/[slug]/window-plot";
import { imageUrl } from "@/lib/badges/snippets";
import { modelCardOf } from "@/lib/citations/model-card-of";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { formatBytes, formatCount, formatDateTime, formatMicrojoules, formatMs, formatPercent, formatPerJoule } from "@/common/format";
import { getResult, type ResultRecord } from "@/lib/results/get-result";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Result" };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <tr>
      <th className="py-0.5 pr-6 text-left font-normal text-slate-500">{label}</th>
      <td className="num py-0.5">{children}</td>
    </tr>
  );
}

function Standing({ record }: { record: ResultRecord }) {
  const box = "rounded border px-3 py-2 text-sm";
  if (record.standing === "current") {
    return (
      <p role="status" data-standing="current" className={`${box} border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100`}>
        This is the model&apos;s current result on this board.
      </p>
    );
  }
  const newer = record.currentResultId ? (
    <>
      {" "}
      The current one is <Link href={`/results/${record.currentResultId}`}>result {record.currentResultId}</Link>.
    </>
  ) : null;
  return (
    <p role="status" data-standing={record.standing} className={`${box} border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100`}>
      {record.standing === "withdrawn" ? <strong>Withdrawn by its owner.</strong> : <strong>Superseded by a newer result of this model.</strong>} The figures below are as
      measured and will not change.{newer}
    </p>
  );
}

export default async function ResultPage({ params }: Props) {
  const { id } = await params;
  let record: ResultRecord;
  try {
    record = await getResult(getDb(), id);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const baseUrl = await siteBaseUrl();
  const ci = record.energyCi95J;
  const est = record.estimated ? " (estimated)" : "";
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href={`/models/${record.model.slug}`}>{record.model.slug}</Link> / <Link href={`/tasks/${record.task.id}`}>{record.task.id}</Link> / result
        </p>
        <h1 className="text-2xl font-bold">
          {record.model.name} on {record.task.title}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Result <code>{record.id}</code> · measured {formatDateTime(record.measuredAt)} · <Link href={`/submissions/${record.submissionId}`}>submission</Link>
        </p>
        <Standing record={record} />
      </header>

      <div className="grid gap-6 md:grid-cols-[1fr_auto]">
        <section className="space-y-4">
          <h2 className="text-lg font-semibold">Figures as measured</h2>
          <table className="text-sm" data-testid="result-figures">
            <tbody>
              <Row label={`Energy / inference${est}`}>
                {formatMicrojoules(record.energyPerInferenceJ)}
                {ci ? ` (95% CI ${formatMicrojoules(ci[0])}–${formatMicrojoules(ci[1])})` : ""}
                {record.unstable ? " ⚠ unstable" : ""}
              </Row>
              <Row label="Accuracy">{formatPercent(record.accuracy)}</Row>
              <Row label="Macro-F1">{formatPercent(record.macroF1)}</Row>
              <Row label="Accuracy per joule">{formatPerJoule(record.accuracyPerJoule)}</Row>
              <Row label="Energy class">{record.energyClass ? <EnergyClassChip value={record.energyClass} /> : "–"}</Row>
              <Row label="Latency p50 (batch 1)">{formatMs(record.latencyP50Ms)}</Row>
              <Row label="Model memory">{formatBytes(record.modelMemoryBytes)}</Row>
              <Row label="File size · parameters">
                {formatBytes(record.fileBytes)} · {formatCount(record.paramCount)}
              </Row>
              <Row label="Meter">
                <MeterLabel meter={record.meter} estimated={record.estimated} long />
              </Row>
            </tbody>
          </table>

          <h2 className="text-lg font-semibold">What was measured, with what</h2>
          <table className="text-sm" data-testid="result-provenance">
            <tbody>
              <Row label="Model file SHA-256">
                <code className="break-all text-xs">{record.artifactSha256}</code>
              </Row>
              <Row label="Dataset manifest SHA-256">
                {record.datasetManifestSha256 ? <code className="break-all text-xs">{record.datasetManifestSha256}</code> : "not recorded (older result)"}
              </Row>
              <Row label="Numeric format">{record.numericFormat ?? "not recorded"}</Row>
              <Row label="Harness">{record.harnessVersion}</Row>
              <Row label="onnxruntime">{record.onnxruntimeVersion}</Row>
              <Row label="Hardware profile">
                <code>{record.hardware.id}</code>: {record.hardware.cpuModel}, {record.hardware.cores} cores / {record.hardware.threads} threads,{" "}
                {formatBytes(record.hardware.ramBytes)} RAM, {record.hardware.os} {record.hardware.arch}, Node {record.hardware.nodeVersion}, {record.hardware.intraOpThreads}{" "}
                intra-op thread(s)
              </Row>
            </tbody>
          </table>
        </section>
        <figure className="space-y-1">
          <img src={imageUrl("", "label", record.model.slug, record.task.id, "svg", record.id)} alt={`Energy label of ${record.model.name} on ${record.task.title}`} width={315} height={480} data-testid="energy-label" />
          <figcaption className="text-xs text-slate-500">Energy label, pinned to this result</figcaption>
        </figure>
      </div>

      <SciPanel sci={record.sci} />

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Raw windows</h2>
        <div className="grid gap-4 md:grid-cols-2">
          <WindowPlot windows={record.windows} scenario="offline" ci95J={ci} />
          <WindowPlot windows={record.windows} scenario="single-stream" ci95J={record.raw.singleStream?.energy?.ci95J} />
        </div>
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600 dark:text-slate-300">Raw result (JSON)</summary>
          <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs dark:bg-slate-900" data-testid="raw-result">
            {JSON.stringify(record.raw, null, 2)}
          </pre>
        </details>
      </section>

      <CiteBox
        baseUrl={baseUrl}
        record={record}
        accessed={new Date()}
        modelCard={modelCardOf(baseUrl, { ...record, cpuModel: record.hardware.cpuModel, hardwareProfileId: record.hardware.id }, null)}
      />
      <p className="text-xs text-slate-500">
        As JSON: <a href={`/api/v1/results/${record.id}`}>/api/v1/results/{record.id}</a>
      </p>
    </div>
  );
}
