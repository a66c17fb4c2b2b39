// A model's badge for one task, with the snippets to paste into a README or a paper, each with a copy button.
import { CopyButton } from "@/app/_components/copy-button";
import { badgeSnippets, badgeUrls, imageUrl } from "@/lib/badges/snippets";

export function BadgePanel({ baseUrl, slug, taskId, message }: { baseUrl: string; slug: string; taskId: string; message: string }) {
  const urls = badgeUrls({ baseUrl, slug, taskId });
  const snippets = badgeSnippets({ baseUrl, slug, taskId, message });
  return (
    <div className="space-y-3" data-testid={`badge-panel-${taskId}`}>
      <img src={`/badge/${encodeURIComponent(slug)}/${encodeURIComponent(taskId)}.svg`} alt={`frugalboard badge: ${message}`} height={20} />
      <ul className="space-y-2">
        {snippets.map((snippet) => (
          <li key={snippet.format} className="space-y-1" data-snippet={snippet.format}>
            <div className="flex items-center justify-between gap-2 text-xs">
              <span className="font-medium text-slate-600 dark:text-slate-300">{snippet.format}</span>
              <CopyButton text={snippet.code} label={`Copy ${snippet.format}`} />
            </div>
            <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs dark:bg-slate-900">
              <code>{snippet.code}</code>
            </pre>
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-500">
        Also as <a href={imageUrl(baseUrl, "badge", slug, taskId, "png")}>PNG</a> and <a href={imageUrl(baseUrl, "badge", slug, taskId, "pdf")}>PDF</a>;
        add <code>?result=&lt;id&gt;</code> to pin one result. Styles: add <code>?style=flat-square</code>, <code>for-the-badge</code> or <code>plastic</code>. Shields.io:{" "}
        <code className="break-all">https://img.shields.io/endpoint?url={encodeURIComponent(urls.endpoint)}</code>
      </p>
    </div>
  );
}
