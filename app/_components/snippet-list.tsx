// Code snippets to paste somewhere (a README, a paper, a model card), each under its name with a copy button.
import { CopyButton } from "@/app/_components/copy-button";

export interface Snippet {
  format: string;
  code: string;
}

export function SnippetList({ snippets }: { snippets: Snippet[] }) {
  return (
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
  );
}
