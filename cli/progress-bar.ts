// The CLI's one progress bar, for `bench` (render.ts) and for `submit` and `status` (render-submission.ts).
const BAR_WIDTH = 30;

/** `[#####.........]  42%`: the percentage clamped to 0–100 for the bar, printed as given. */
export function bar(percent: number): string {
  const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * BAR_WIDTH);
  return `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${String(Math.round(percent)).padStart(3)}%`;
}
