import type { Metadata } from "next";
import Link from "next/link";
import { DATA_LICENCE, EXPORT_COLUMNS } from "@/lib/open-data/columns";

export const metadata: Metadata = { title: "Open data" };

/** /data — the data dictionary of the open-data export: what each column holds, its unit, and the licence. */
export default function DataPage() {
  return (
    <div className="max-w-4xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Open data</h1>
        <p>
          Every public result of every board — succeeded, not withdrawn, of a model that is not hidden — with its hardware profile, meter, harness version,
          precision and ids, as <a href="/api/v1/results.csv">CSV</a> or <a href="/api/v1/results.jsonl">JSON Lines</a>. Both are streamed, one row per
          result, in the same columns. Re-benchmarks are separate rows: the latest per model, task, hardware profile and meter is the one its board shows.
        </p>
        <p data-testid="data-licence">
          Licence: <a href={DATA_LICENCE.url}>{DATA_LICENCE.name}</a>. {DATA_LICENCE.attribution}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Energy figures are measured (meter <code>rapl</code>) or estimated (meter <code>estimate</code>, column <code>estimated</code> true); compare results
          of one harness version and hardware profile only. How they are measured: <Link href="/methodology">methodology</Link>. The CSV is safe to open in a
          spreadsheet: a cell that would start a formula (= + - @) begins with an apostrophe.
        </p>
      </header>
      <table className="text-sm" data-testid="data-dictionary">
        <thead>
          <tr className="text-left text-slate-500">
            <th className="pr-6 font-medium">Column</th>
            <th className="font-medium">Meaning and unit</th>
          </tr>
        </thead>
        <tbody>
          {EXPORT_COLUMNS.map((column) => (
            <tr key={column.name} className="align-top">
              <td className="py-1 pr-6">
                <code>{column.name}</code>
              </td>
              <td className="py-1">{column.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
