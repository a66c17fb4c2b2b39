// Copy-paste snippets for a model's badge, one per place researchers put them. Every URL is built from the
// site's base URL and the slug (letters, digits and '-') and task id; text is escaped for each format.
export interface BadgeSnippet {
  format: "Markdown" | "HTML" | "reStructuredText" | "LaTeX";
  code: string;
}

export interface SnippetInput {
  baseUrl: string;
  slug: string;
  taskId: string;
  /** The badge's current text, for LaTeX, which cannot show an SVG (e.g. "mnist 97.9% · 38.2 µJ · A"). */
  message: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** LaTeX text: the ten special characters escaped, µ and · written so pdfLaTeX needs no extra package. */
const LATEX: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
  "µ": "\\textmu{}",
  "·": "\\textperiodcentered{}",
};

export function escapeLatex(text: string): string {
  // One pass, so the braces a replacement brings are not escaped again.
  return text.replace(/[\\~^µ·#$%&_{}]/g, (c) => LATEX[c] ?? `\\${c}`);
}

/** A URL inside \href: % and # must be escaped there, and braces or backslashes must not appear. */
export const latexUrl = (url: string) => url.replace(/[\\{}]/g, encodeURIComponent).replace(/([%#])/g, "\\$1");

/** The one rule for badge and label image URLs: /badge|label/<slug>/<task>.<format>, `?result=<id>` when pinned. */
export function imageUrl(
  baseUrl: string,
  kind: "badge" | "label",
  slug: string,
  taskId: string,
  format: "svg" | "png" | "pdf",
  resultId: string | null = null,
): string {
  const pin = resultId ? `?result=${encodeURIComponent(resultId)}` : "";
  return `${baseUrl.replace(/\/$/, "")}/${kind}/${encodeURIComponent(slug)}/${encodeURIComponent(taskId)}.${format}${pin}`;
}

export function badgeUrls(input: Omit<SnippetInput, "message">) {
  const base = input.baseUrl.replace(/\/$/, "");
  const slug = encodeURIComponent(input.slug);
  const task = encodeURIComponent(input.taskId);
  return {
    svg: imageUrl(base, "badge", input.slug, input.taskId, "svg"),
    endpoint: `${base}/api/v1/badges/${slug}/${task}`,
    page: `${base}/models/${slug}`,
  };
}

/** The Markdown snippet (a linked image), also handed to API clients with a finished submission. */
export function badgeMarkdown(input: Omit<SnippetInput, "message">, pin?: { resultId: string; resultUrl: string }): string {
  const urls = badgeUrls(input);
  const alt = `frugalboard: ${input.slug} on ${input.taskId}`;
  // Pinned (a model card, a paper): that result's badge, linked to its permanent page.
  const svg = pin ? imageUrl(input.baseUrl, "badge", input.slug, input.taskId, "svg", pin.resultId) : urls.svg;
  return `[![${alt.replace(/([[\]\\])/g, "\\$1")}](${svg})](${pin ? pin.resultUrl : urls.page})`;
}

export function badgeSnippets(input: SnippetInput): BadgeSnippet[] {
  const urls = badgeUrls(input);
  const alt = `frugalboard: ${input.slug} on ${input.taskId}`;
  return [
    { format: "Markdown", code: badgeMarkdown(input) },
    { format: "HTML", code: `<a href="${escapeHtml(urls.page)}"><img src="${escapeHtml(urls.svg)}" alt="${escapeHtml(alt)}"></a>` },
    { format: "reStructuredText", code: `.. image:: ${urls.svg}\n   :target: ${urls.page}\n   :alt: ${alt}` },
    {
      format: "LaTeX",
      code: `% \\usepackage{hyperref}\n\\href{${latexUrl(urls.page)}}{frugalboard: ${escapeLatex(input.message)}}`,
    },
  ];
}
