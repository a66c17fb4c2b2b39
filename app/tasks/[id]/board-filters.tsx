"use client";

// Hardware profile and meter of the board. A board never mixes them: choosing a profile picks its best meter.
// Each board has its own address (lib/leaderboard/board-url.ts); the old ?hardware=&meter= query is sent there too.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { boardPath } from "@/lib/leaderboard/board-url";
import type { BoardProfile } from "@/lib/leaderboard/get-board";

export function BoardFilters({ taskId, profiles, hardwareProfileId, meter }: { taskId: string; profiles: BoardProfile[]; hardwareProfileId: string; meter: string }) {
  const router = useRouter();
  const hardware = [...new Map(profiles.map((p) => [p.hardwareProfileId, p])).values()];
  // profiles come best first (most results, then best meter), so the first match is the profile's best meter.
  const meters = profiles.filter((p) => p.hardwareProfileId === hardwareProfileId);

  function go(nextHardware: string, nextMeter?: string) {
    const chosen = profiles.find((p) => p.hardwareProfileId === nextHardware && (!nextMeter || p.meter === nextMeter));
    if (chosen) router.push(boardPath(taskId, profiles, chosen));
  }

  useEffect(() => {
    const query = new URLSearchParams(window.location.search);
    const wanted = query.get("hardware");
    if (!wanted) return;
    const chosen = profiles.find((p) => p.hardwareProfileId === wanted && (!query.get("meter") || p.meter === query.get("meter")));
    if (chosen) router.replace(boardPath(taskId, profiles, chosen));
  }, [profiles, router, taskId]);

  const select = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";
  return (
    <div className="flex flex-wrap items-end gap-4 text-sm" role="group" aria-label="Board">
      <label className="flex flex-col gap-1">
        <span className="text-slate-600 dark:text-slate-400">Hardware profile</span>
        <select className={select} value={hardwareProfileId} onChange={(e) => go(e.target.value)}>
          {hardware.map((p) => (
            <option key={p.hardwareProfileId} value={p.hardwareProfileId}>
              {p.cpuModel} · {p.threads} threads · {p.hardwareProfileId.slice(0, 8)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-slate-600 dark:text-slate-400">Meter</span>
        <select className={select} value={meter} onChange={(e) => go(hardwareProfileId, e.target.value)}>
          {meters.map((p) => (
            <option key={p.meter} value={p.meter}>
              {p.meter === "estimate" ? "estimate (estimated energy)" : p.meter} — {p.models} models
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <span className="text-xs text-slate-500">
          Boards: {profiles.map((p) => (
            <a key={`${p.hardwareProfileId}-${p.meter}`} href={boardPath(taskId, profiles, p)} className="mr-2">
              {p.cpuModel} / {p.meter}
            </a>
          ))}
        </span>
      </noscript>
    </div>
  );
}
