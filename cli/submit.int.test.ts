// `frugalboard submit` and `status` as a researcher runs them: the real bin in a child process, against the real
// route handlers of app/api/v1 served over HTTP (app/_testing/route-server.ts) and a real worker in this process.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFailingRunModel } from "@/benchmarks/harness/testing/hostile-models";
import { buildModel, floatTensor } from "@/benchmarks/onnx/testing/build-model";
import { listTasks } from "@/benchmarks/tasks/catalog";
import { zApiError } from "@/lib/api/schemas/common";
import { zBoard } from "@/lib/api/schemas/leaderboard";
import { zSubmissionView } from "@/lib/api/schemas/submissions";
import { getDb } from "@/lib/db/client";
import { closeQueues } from "@/lib/queue/get-queue";
import { newResearcher, TEST_HARNESS, uniqueSlug } from "@/lib/testing/fixtures";
import { freePort } from "@/lib/testing/free-port";
import { runCli, type CliRun } from "./testing/run-cli";
import { startRouteServer, type RouteServer } from "@/app/_testing/route-server";
import { startWorker, type RunningWorker } from "@/worker/start-worker";

const ROOT = resolve(import.meta.dirname, "..");
const BASELINE = join(ROOT, "benchmarks/tasks/mnist/baselines/mnist-logreg.onnx");
const db = getDb();
let server: RouteServer;
let worker: RunningWorker;
let token: string;
let dir: string;

/** The CLI with no token or server from this machine's environment unless a case gives them. */
function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(args, { FRUGALBOARD_TOKEN: "", FRUGALBOARD_SERVER: "", ...env }, 170_000);
}

beforeAll(async () => {
  [server, worker, token, dir] = await Promise.all([
    startRouteServer(),
    startWorker(db, TEST_HARNESS),
    newResearcher(db, "cli"),
    mkdtemp(join(tmpdir(), "frugal-cli-submit-")),
  ]);
});

afterAll(async () => {
  await worker?.close();
  await server?.close();
  await closeQueues();
  await db.$disconnect();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// Each case starts Node and tsx in a child (seconds on a busy machine) and most wait for a real benchmark.
describe("frugalboard submit / status against a running server", { timeout: 180_000 }, () => {
  it("uploads a model, follows its benchmark to the end, and prints the board rank and the badge Markdown", async () => {
    const slug = uniqueSlug("cli-logreg");
    const run = await cli(["submit", BASELINE, "--task", "mnist", "--model", slug, "--name", "CLI logreg", "--server", server.url], { FRUGALBOARD_TOKEN: token });
    expect(run.stderr).not.toContain("refused");
    expect(run.code).toBe(0);
    // Progress on stderr, one line per change (not a terminal): the upload in bytes, then the benchmark.
    expect(run.stderr).toMatch(/^\[\.{30}\] +\d+% uploading \d+ B of [\d.]+ KiB$/m);
    expect(run.stderr).toMatch(/^\[#{30}\] 100% uploading ([\d.]+ KiB) of \1$/m);
    expect(run.stderr).toMatch(/submitted as \S+/);
    expect(run.stderr).toMatch(/\] +\d+% (queued|running)/);
    const id = /submitted as (\S+)/.exec(run.stderr)![1];

    expect(run.stdout).toMatch(/^status\s+succeeded$/m);
    expect(run.stdout).toMatch(/^accuracy\s+9\d\.\d\d% \(macro-F1/m);
    // "=3 of 9" when another model on the board cannot be told apart from this one (the same file may be there).
    const rankLine = /^rank\s+(=?)(\d+) of (\d+) on the mnist board \(estimate meter, hardware profile ([0-9a-f]{16})\)/m.exec(run.stdout);
    expect(rankLine, run.stdout).not.toBeNull();
    const markdown = `[![frugalboard: ${slug} on mnist](${server.url}/badge/${slug}/mnist.svg)](${server.url}/models/${slug})`;
    expect(run.stdout).toContain(`badge               ${markdown}\n`);

    // The rank is the board's: the leaderboard API puts the model at the same place.
    const [, tie, position, of, hardware] = rankLine!;
    const board = zBoard.parse(await (await fetch(`${server.url}/api/v1/leaderboard?task=mnist&hardware=${hardware}&meter=estimate`)).json());
    const entry = board.entries.find((e) => e.modelSlug === slug);
    expect(entry).toMatchObject({ rank: Number(position), tied: tie === "=", rankDisplay: `${tie}${position}`, submissionId: id });
    expect(board.entries.filter((e) => e.eligible)).toHaveLength(Number(of));

    // status --json: the API's answer as documented, nothing more.
    const status = await cli(["status", id, "--json", "--server", server.url]);
    expect(status.code).toBe(0);
    const json = JSON.parse(status.stdout);
    const view = zSubmissionView.parse(json);
    expect(view).toEqual(json);
    expect(view).toMatchObject({
      id,
      status: "succeeded",
      progress: 100,
      model: { slug, name: "CLI logreg" },
      rank: { position: Number(position), tied: tie === "=", display: `${tie}${position}`, of: Number(of), eligible: true, board: { task: "mnist", hardwareProfileId: hardware, meter: "estimate" } },
      badge: { markdown, url: `${server.url}/badge/${slug}/mnist.svg` },
      trainingEmissions: null,
      resultId: expect.any(String),
    });
    const badge = await (await fetch(view.badge!.endpointUrl)).json();
    expect(badge.message).toMatch(/µJ/);

    // status (text) prints the same state once; --watch on a finished one returns at once.
    const text = await cli(["status", id, "--watch"], { FRUGALBOARD_SERVER: server.url });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`badge               ${markdown}`);
    expect(text.stdout).toMatch(/^rank\s+=?\d+ of \d+ on the mnist board/m);
  });

  it("exits 4 with the reason when the benchmark fails, 3 when the worker rejects the model's answers", async () => {
    // Valid by its declared shapes, so the server accepts both; at run time one fails in onnxruntime, the other
    // answers [1,10] whatever the batch, which breaks the output contract.
    const failing = join(dir, "failing.onnx");
    await writeFile(failing, buildFailingRunModel());
    const fixedBatch = join(dir, "fixed-batch.onnx");
    await writeFile(
      fixedBatch,
      buildModel({
        inputs: [{ name: "input", elemType: "float32", shape: ["N", 1, 28, 28] }],
        outputs: [{ name: "scores", elemType: "float32", shape: ["N", 10] }],
        initializers: [floatTensor("constant_scores", [1, 10], new Array(10).fill(0))],
        nodes: [{ opType: "Identity", inputs: ["constant_scores"], outputs: ["scores"] }],
      }),
    );
    const failed = await cli(["submit", failing, "--task", "breast-cancer", "--model", uniqueSlug("cli-broken"), "--server", server.url, "--json"], { FRUGALBOARD_TOKEN: token });
    expect(failed.code).toBe(4);
    expect(failed.stderr).toContain("frugalboard: the benchmark failed: onnxruntime: Non-zero status code returned while running Reshape node");
    const view = zSubmissionView.parse(JSON.parse(failed.stdout));
    expect(view).toMatchObject({ status: "failed", rank: null, badge: null, result: null, error: { code: "runtime_error" } });

    const rejected = await cli(["submit", fixedBatch, "--task", "mnist", "--model", uniqueSlug("cli-fixed"), "--server", server.url], { FRUGALBOARD_TOKEN: token });
    expect(rejected.code).toBe(3);
    expect(rejected.stderr).toContain("frugalboard: the benchmark rejected the model: The model's output `scores` was float32 [1,10] for a batch of 256");
    expect(rejected.stderr).toContain("(rule: output-shape)");
  });

  it("exits 3 with the server's own message when the server refuses, and prints it as JSON with --json", async () => {
    const common = ["--server", server.url];
    const [badToken, unknownTask, notOnnx, unknownId] = await Promise.all([
      cli(["submit", BASELINE, "--task", "mnist", "--model", uniqueSlug("cli"), "--token", "fb_not-a-real-token", ...common]),
      cli(["submit", BASELINE, "--task", "imagenet", "--model", uniqueSlug("cli"), "--json", ...common], { FRUGALBOARD_TOKEN: token }),
      writeFile(join(dir, "notes.onnx"), "my notes, not a model\n").then(() =>
        cli(["submit", join(dir, "notes.onnx"), "--task", "mnist", "--model", uniqueSlug("cli"), ...common], { FRUGALBOARD_TOKEN: token }),
      ),
      cli(["status", "no-such-submission", ...common]),
    ]);
    expect(badToken).toMatchObject({ code: 3, stdout: "" });
    expect(badToken.stderr).toMatch(/\nfrugalboard: refused by the server \(HTTP 401 unauthorized\): This API token is unknown or revoked: create a new one on the \/tokens page\.\n$/);

    expect(unknownTask.code).toBe(3);
    const unknownTaskMessage = `Unknown task "imagenet"; known tasks: ${listTasks().map((t) => t.id).join(", ")}.`;
    expect(unknownTask.stderr).toContain(`(HTTP 400 invalid_request): ${unknownTaskMessage}`);
    expect(zApiError.parse(JSON.parse(unknownTask.stdout)).error).toMatchObject({ code: "invalid_request", message: unknownTaskMessage });
    expect(JSON.parse(unknownTask.stdout).error.httpStatus).toBe(400);

    expect(notOnnx.code).toBe(3);
    expect(notOnnx.stderr).toMatch(/\(HTTP 422 invalid_model\): .*ONNX/);

    expect(unknownId.code).toBe(3);
    expect(unknownId.stderr).toContain("(HTTP 404 not_found): No submission with id `no-such-submission`.");
  });

  it("sends a CodeCarbon emissions.csv as the training's reported emissions, and exits 3 with the server's reason for a file that is not one", async () => {
    const emissions = join(dir, "emissions.csv");
    await writeFile(emissions, "timestamp,project_name,run_id,duration,emissions,energy_consumed\n2024-01-01T00:00:00,p,r1,60,0.001,0.004\n2024-01-01T01:00:00,p,r2,30,0.002,0.002\n");
    const slug = uniqueSlug("cli-training");
    const run = await cli(["submit", BASELINE, "--task", "mnist", "--model", slug, "--training-emissions", emissions, "--json", "--server", server.url], { FRUGALBOARD_TOKEN: token });
    expect(run.code, run.stderr).toBe(0);
    const view = zSubmissionView.parse(JSON.parse(run.stdout));
    expect(view.trainingEmissions).toMatchObject({ durationS: 90, energyKwh: 0.006, source: "CodeCarbon emissions.csv (2 runs)" });
    expect(view.trainingEmissions?.emissionsKg).toBeCloseTo(0.003, 12);

    const notCodeCarbon = join(dir, "board.csv");
    await writeFile(notCodeCarbon, "rank,model_slug\n1,x\n");
    const refused = await cli(["submit", BASELINE, "--task", "mnist", "--model", uniqueSlug("cli-training"), "--training-emissions", notCodeCarbon, "--server", server.url], {
      FRUGALBOARD_TOKEN: token,
    });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("training emissions: this is not a CodeCarbon emissions.csv: its header lacks timestamp, project_name, duration");
  });

  it("exits 5 naming the URL when the server cannot be reached, and 2 without a token or a readable file", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const [unreachable, unreachableJson, noToken, noFile, noTraining] = await Promise.all([
      cli(["submit", BASELINE, "--task", "mnist", "--model", "m-1", "--server", url], { FRUGALBOARD_TOKEN: token }),
      cli(["status", "x", "--json"], { FRUGALBOARD_SERVER: url }),
      cli(["submit", BASELINE, "--task", "mnist", "--model", "m-1", "--server", server.url]),
      cli(["submit", join(dir, "absent.onnx"), "--task", "mnist", "--model", "m-1", "--server", server.url], { FRUGALBOARD_TOKEN: token }),
      cli(["submit", BASELINE, "--task", "mnist", "--model", "m-1", "--training-emissions", join(dir, "absent.csv"), "--server", server.url], { FRUGALBOARD_TOKEN: token }),
    ]);
    expect(unreachable.code).toBe(5);
    expect(unreachable.stderr).toContain(`frugalboard: Cannot reach the frugalboard server at ${url} (ECONNREFUSED). Is it running? Set --server or FRUGALBOARD_SERVER.`);
    expect(unreachableJson.code).toBe(5);
    expect(JSON.parse(unreachableJson.stdout).error).toMatchObject({ code: "unreachable", message: expect.stringContaining(url) });

    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain("An API token is required: set FRUGALBOARD_TOKEN or pass --token");
    expect(noToken.stderr).toContain("Usage: frugalboard submit MODEL.onnx --task TASK --model NAME");
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain(`cannot read the model file ${join(dir, "absent.onnx")}: ENOENT`);
    expect(noTraining.code).toBe(2);
    expect(noTraining.stderr).toContain(`cannot read the training emissions file ${join(dir, "absent.csv")}: ENOENT`);
  });
});
