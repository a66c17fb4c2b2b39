// The energy label of the result the badge shows, in its three formats, and "Cite this result" pinned to it.
import Link from "next/link";
import { CiteBox } from "@/app/_components/cite-box";
import { imageUrl } from "@/lib/badges/snippets";
import { modelCardOf } from "@/lib/citations/model-card-of";
import type { ModelResultView } from "@/lib/models/get-model";

interface Props {
  baseUrl: string;
  model: { slug: string; name: string };
  task: { id: string; title: string };
  result: ModelResultView;
}

export function LabelPanel({ baseUrl, model, task, result }: Props) {
  const label = (format: "svg" | "png" | "pdf", pinned: string | null) => imageUrl(baseUrl, "label", model.slug, task.id, format, pinned);
  const record = {
    id: result.resultId,
    model,
    task,
    measuredAt: result.createdAt,
    harnessVersion: result.harnessVersion,
    accuracy: result.accuracy,
    energyPerInferenceJ: result.energyPerInferenceJ,
    estimated: result.estimated,
  };
  return (
    <div className="grid gap-6 md:grid-cols-[auto_1fr]" data-testid={`label-panel-${task.id}`}>
      <figure className="space-y-1">
        <img src={imageUrl("", "label", model.slug, task.id, "svg")} alt={`Energy label of ${model.name} on ${task.title}`} width={315} height={480} data-testid="energy-label" />
        <figcaption className="text-xs text-slate-500">
          Energy label, following the latest result: <a href={label("svg", null)}>SVG</a> · <a href={label("png", null)}>PNG</a> ·{" "}
          <a href={label("pdf", null)}>PDF</a>. <Link href={`/results/${result.resultId}`}>Permanent result page</Link>
        </figcaption>
      </figure>
      <CiteBox baseUrl={baseUrl} record={record} accessed={new Date()} modelCard={modelCardOf(baseUrl, { ...result, ...record, cpuModel: result.cpuModel }, result.trainingEmissions)} />
    </div>
  );
}
