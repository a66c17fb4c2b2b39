// What `submit` and `status` print: a live progress line on stderr (a bar on a terminal; one line per change in
// CI logs, which are not terminals), and the submission's state on stdout.
import { formatBytes, formatMicrojoules, formatPercent, formatPerJoule } from "../common/format";
import type { SubmissionState } from "./api-client";
import { bar } from "./progress-bar";

export interface ProgressLine {
  /** `key` says when a line is news: on a terminal every update redraws, elsewhere only a new key prints. */
  update(text: string, key: string): void;
  /** Ends the line on a terminal. */
  done(): void;
}

export function progressLine(stream: NodeJS.WriteStream, enabled: boolean): ProgressLine {
  let lastKey: string | undefined;
  let drawn = false;
  return {
    update(text, key) {
      if (!enabled) return;
      if (stream.isTTY) {
        stream.write(`\r${text}\x1b[K`);
        drawn = true;
      } else if (key !== lastKey) {
        stream.write(`${text}\n`);
      }
      lastKey = key;
    },
    done() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}

export function uploadProgress(sentBytes: number, totalBytes: number): { text: string; key: string } {
  // Rounded down, so 100% means every byte is sent. Off a terminal: a line per quarter.
  const percent = totalBytes > 0 ? Math.floor((sentBytes / totalBytes) * 100) : 100;
  return { text: `${bar(percent)} uploading ${formatBytes(sentBytes)} of ${formatBytes(totalBytes)}`, key: `upload:${Math.floor(percent / 25)}` };
}

export function benchmarkProgress(state: SubmissionState): { text: string; key: string } {
  if (state.status === "queued") {
    const position = state.queuePosition === null ? "" : ` · position ${state.queuePosition} in the queue`;
    return { text: `${bar(0)} queued${position}`, key: `queued:${state.queuePosition}` };
  }
  if (state.status !== "running") return { text: `${bar(state.status === "succeeded" ? 100 : state.progress)} ${state.status}`, key: state.status };
  const phase = state.phase ? ` · ${state.phase}` : "";
  return { text: `${bar(state.progress)} ${state.status}${phase}`, key: `${state.status}:${state.phase}:${Math.floor(state.progress / 10)}` };
}

function statusText(state: SubmissionState): string {
  if (state.status === "queued") return state.queuePosition === null ? "queued" : `queued (position ${state.queuePosition} in the queue)`;
  if (state.status === "running") return `running, ${Math.round(state.progress)}%${state.phase ? ` (${state.phase})` : ""}`;
  return state.status;
}

function rankText(state: SubmissionState): string | undefined {
  if (state.status !== "succeeded") return undefined;
  const rank = state.rank;
  if (!rank) return "not on the board: a newer result of this model is shown there";
  const board = `the ${rank.board.task} board (${rank.board.meter} meter, hardware profile ${rank.board.hardwareProfileId})`;
  if (rank.position === null) return `not ranked: the accuracy is below the task's quality floor; listed apart on ${board}`;
  return `${rank.display ?? rank.position} of ${rank.of} on ${board}${rank.pareto ? " · on the Pareto front" : ""}`;
}

/** The submission as readable lines: state, then the result, rank, board and badge once there are. */
export function formatSubmission(state: SubmissionState, server: string): string {
  const r = state.result;
  const estimated = r?.estimated ? " (estimated)" : "";
  const rank = rankText(state);
  const rows: [string, string | undefined][] = [
    ["submission", `${state.id} · ${server}/submissions/${encodeURIComponent(state.id)}`],
    ["model", `${state.model.slug} on ${state.task}`],
    ["status", statusText(state)],
    ["error", state.error ? state.error.message : undefined],
    ["accuracy", r ? `${formatPercent(r.accuracy)} (macro-F1 ${formatPercent(r.macroF1)})` : undefined],
    ["energy / inference", r ? `${formatMicrojoules(r.energyPerInferenceJ)}${estimated} · ${r.meter} meter` : undefined],
    ["accuracy per joule", r ? `${formatPerJoule(r.accuracyPerJoule)} correct predictions per joule${estimated}` : undefined],
    ["rank", rank],
    ["board", state.rank?.board.url],
    ["badge", state.badge?.markdown],
  ];
  const shown = rows.filter((row): row is [string, string] => row[1] !== undefined);
  const width = Math.max(...shown.map(([label]) => label.length));
  return `${shown.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n")}\n`;
}
