// A model's badge for one task, with the snippets to paste into a README or a paper, each with a copy button.
import { SnippetList } from "@/app/_components/snippet-list";
import { badgeSnippets, badgeUrls, imageUrl } from "@/lib/badges/snippets";

export function BadgePanel({ baseUrl, slug, taskId, message }: { baseUrl: string; slug: string; taskId: string; message: string }) {
  const urls = badgeUrls({ baseUrl, slug, taskId });
  const snippets = badgeSnippets({ baseUrl, slug, taskId, message });
  return (
    <div className="space-y-3" data-testid={`badge-panel-${taskId}`}>
      <img src={`/badge/${encodeURIComponent(slug)}/${encodeURIComponent(taskId)}.svg`} alt={`frugalboard badge: ${message}`} height={20} />
      <SnippetList snippets={snippets} />
      <p className="text-xs text-slate-500">
        Also as <a href={imageUrl(baseUrl, "badge", slug, taskId, "png")}>PNG</a> and <a href={imageUrl(baseUrl, "badge", slug, taskId, "pdf")}>PDF</a>;
        add <code>?result=&lt;id&gt;</code> to pin one result. Styles: add <code>?style=flat-square</code>, <code>for-the-badge</code> or <code>plastic</code>. Shields.io:{" "}
        <code className="break-all">https://img.shields.io/endpoint?url={encodeURIComponent(urls.endpoint)}</code>
      </p>
    </div>
  );
}
