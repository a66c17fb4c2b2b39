// "Cite this result": a BibTeX @misc entry and the LaTeX figure of the PDF label, both pointing at the permanent
// result page, so a paper's number can be checked against what was measured (and a withdrawal seen).
import { formatDate, formatMicrojoules, formatPercent } from "../../common/format";
import { escapeLatex, latexUrl } from "../badges/snippets";
import type { ResultRecord } from "../results/get-result";

export interface CitationInput {
  record: Pick<ResultRecord, "id" | "model" | "task" | "measuredAt" | "harnessVersion" | "accuracy" | "energyPerInferenceJ" | "estimated">;
  /** The result's permanent page. */
  resultUrl: string;
  /** The PDF label pinned to the result. */
  labelPdfUrl: string;
  /** The day the reader copies it (BibTeX's urldate). */
  accessed: Date;
}

/** BibTeX field text is LaTeX: its specials escaped (the title gets one more pair of braces so styles keep its capitals). */
export const escapeBibtex = escapeLatex;

/** A citation key of letters, digits and '-' only: BibTeX refuses most other characters there. */
export function citationKey(slug: string, taskId: string, id: string): string {
  const clean = (text: string) => text.replace(/[^A-Za-z0-9-]/g, "");
  return `frugalboard-${clean(slug)}-${clean(taskId)}-${clean(id).slice(-8)}`;
}

export function bibtexEntry(input: CitationInput): string {
  const { record } = input;
  const year = new Date(record.measuredAt).getUTCFullYear();
  const energy = `${formatMicrojoules(record.energyPerInferenceJ)}${record.estimated ? " (estimated)" : ""}`;
  const fields: [string, string][] = [
    ["title", `{{${escapeBibtex(`${record.model.name} on ${record.task.title}: energy per inference and accuracy`)}}}`],
    ["author", "{frugalboard}"],
    ["howpublished", `\\url{${latexUrl(input.resultUrl)}}`],
    ["url", `{${latexUrl(input.resultUrl)}}`],
    ["year", `{${year}}`],
    ["urldate", `{${formatDate(input.accessed)}}`],
    ["note", `{${escapeBibtex(`Result ${record.id}, measured ${formatDate(record.measuredAt)} with harness ${record.harnessVersion}: ${formatPercent(record.accuracy)} accuracy, ${energy} per inference. Accessed ${formatDate(input.accessed)}`)}}`],
  ];
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(",\n");
  return `@misc{${citationKey(record.model.slug, record.task.id, record.id)},\n${body}\n}`;
}

/** The PDF label as a figure, linked to the result page (needs graphicx and hyperref; the PDF is downloaded beside the .tex). */
export function latexFigure(input: CitationInput): string {
  const { record } = input;
  const file = `frugalboard-${record.model.slug}-${record.task.id}.pdf`.replace(/[^A-Za-z0-9.-]/g, "");
  return [
    "% \\usepackage{graphicx,hyperref}",
    `% Download the label: ${input.labelPdfUrl}`,
    "\\begin{figure}[h]",
    "  \\centering",
    `  \\href{${latexUrl(input.resultUrl)}}{\\includegraphics[width=0.4\\linewidth]{${file}}}`,
    `  \\caption{Energy label of ${escapeLatex(record.model.name)} on ${escapeLatex(record.task.title)} (frugalboard result ${escapeLatex(record.id)}).}`,
    "\\end{figure}",
  ].join("\n");
}
