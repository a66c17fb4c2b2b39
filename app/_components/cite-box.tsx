// "Cite this result": BibTeX and the LaTeX figure of the PDF label, each with a copy button, and the label's
// three formats. Shown on the result page and, for the current result, on the model page.
import { SnippetList } from "@/app/_components/snippet-list";
import { imageUrl } from "@/lib/badges/snippets";
import { bibtexEntry, latexFigure, type CitationInput } from "@/lib/citations/cite-result";
import { resultUrl } from "@/lib/results/get-result";

interface Props {
  baseUrl: string;
  record: CitationInput["record"];
  accessed: Date;
  /** The "Add to your model card" snippet, when the caller has what it needs. */
  modelCard?: string;
}

export function CiteBox({ baseUrl, record, accessed, modelCard }: Props) {
  const url = (format: "svg" | "png" | "pdf") => imageUrl(baseUrl, "label", record.model.slug, record.task.id, format, record.id);
  const input: CitationInput = { record, resultUrl: resultUrl(baseUrl, record.id), labelPdfUrl: url("pdf"), accessed };
  const snippets = [
    { format: "BibTeX", code: bibtexEntry(input) },
    { format: "LaTeX figure", code: latexFigure(input) },
    ...(modelCard ? [{ format: "Model card (Hugging Face README)", code: modelCard }] : []),
  ];
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid="cite-box">
      <h3 className="font-semibold">Cite this result</h3>
      <p className="text-xs text-slate-500">
        Pinned to result <code>{record.id}</code>: the figures never change. Label:{" "}
        <a href={url("svg")}>SVG</a> · <a href={url("png")}>PNG</a> · <a href={url("pdf")}>PDF</a>
      </p>
      <SnippetList snippets={snippets} />
    </div>
  );
}
