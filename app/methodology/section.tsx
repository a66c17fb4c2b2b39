// A numbered section of the methodology page, its heading a link to itself; and a formula set apart.
import type { ReactNode } from "react";

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="space-y-3">
      <h2 className="text-xl font-semibold">
        <a href={`#${id}`} className="text-inherit no-underline hover:underline">
          {title}
        </a>
      </h2>
      {children}
    </section>
  );
}

export function Formula({ children }: { children: ReactNode }) {
  return <p className="rounded bg-slate-50 px-3 py-2 font-mono text-sm dark:bg-slate-900">{children}</p>;
}
