import { describe, expect, it } from "vitest";
import type { SubmissionState } from "./api-client";
import { benchmarkProgress, formatSubmission, progressLine, uploadProgress } from "./render-submission";
import { exitFor } from "./submit";

const SERVER = "https://fb.example.org";
const base: SubmissionState = {
  id: "s1",
  status: "queued",
  progress: 0,
  phase: null,
  queuePosition: 3,
  error: null,
  model: { slug: "my-cnn", name: "My CNN" },
  task: "mnist",
  result: null,
  rank: null,
  badge: null,
};
const result = { accuracy: 0.8, macroF1: 0.79, energyPerInferenceJ: 2e-6, accuracyPerJoule: 400_000, estimated: true, meter: "estimate" };
const board = { task: "mnist", hardwareProfileId: "0123456789abcdef", meter: "estimate", url: `${SERVER}/tasks/mnist` };

describe("what submit and status print", () => {
  it("says where a waiting submission is", () => {
    expect(formatSubmission(base, SERVER)).toContain("status      queued (position 3 in the queue)\n");
    expect(benchmarkProgress(base).text).toMatch(/0% queued · position 3 in the queue$/);
    const running = { ...base, status: "running" as const, queuePosition: null, progress: 42, phase: "accuracy" };
    expect(formatSubmission(running, SERVER)).toContain("status      running, 42% (accuracy)\n");
    expect(benchmarkProgress(running).text).toMatch(/\] {2}42% running · accuracy$/);
  });

  it("says why a succeeded result has no rank: below the floor, or replaced by a newer one", () => {
    const below = { ...base, status: "succeeded" as const, queuePosition: null, progress: 100, result, rank: { position: null, of: 7, eligible: false, pareto: false, board } };
    expect(formatSubmission(below, SERVER)).toMatch(/^rank\s+not ranked: the accuracy is below the task's quality floor; listed apart on the mnist board \(estimate meter/m);
    const replaced = { ...below, rank: null };
    expect(formatSubmission(replaced, SERVER)).toMatch(/^rank\s+not on the board: a newer result of this model is shown there$/m);
    expect(formatSubmission(replaced, SERVER)).toMatch(/^energy \/ inference\s+2\.00 µJ \(estimated\) · estimate meter$/m);
  });

  it("prints the rank as the server shows it, =3 when tied, with the number of ranked entries", () => {
    const rank = { position: 3, tied: true, display: "=3", of: 14, eligible: true, pareto: true, board };
    const tied = { ...base, status: "succeeded" as const, queuePosition: null, progress: 100, result, rank };
    expect(formatSubmission(tied, SERVER)).toMatch(
      /^rank {16}=3 of 14 on the mnist board \(estimate meter, hardware profile 0123456789abcdef\) · on the Pareto front$/m,
    );
    // A server from before ties sends no display: the position alone.
    const older = { ...tied, rank: { position: 3, of: 14, eligible: true, pareto: false, board } };
    expect(formatSubmission(older, SERVER)).toMatch(/^rank {16}3 of 14 on the mnist board \(estimate meter, hardware profile 0123456789abcdef\)$/m);
  });

  it("shows the reason of a failed benchmark, and each final state has its exit status", () => {
    const failed = { ...base, status: "failed" as const, queuePosition: null, error: { code: "time_limit", message: "The model ran past the time limit of 600 s." } };
    expect(formatSubmission(failed, SERVER)).toContain("error       The model ran past the time limit of 600 s.\n");
    expect([exitFor("succeeded"), exitFor("withdrawn"), exitFor("rejected"), exitFor("failed"), exitFor("running")]).toEqual([0, 0, 3, 4, 0]);
  });

  it("off a terminal, prints a progress line only when it says something new", () => {
    const written: string[] = [];
    const stream = { isTTY: false, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const line = progressLine(stream, true);
    for (const sent of [0, 100, 200, 600, 999, 1000]) {
      const { text, key } = uploadProgress(sent, 1000);
      line.update(text, key);
    }
    expect(written.map((w) => w.trim().replace(/^\[[#.]+\] +/, ""))).toEqual(["0% uploading 0 B of 1000 B", "60% uploading 600 B of 1000 B", "99% uploading 999 B of 1000 B", "100% uploading 1000 B of 1000 B"]);
  });
});
