// `frugalboard submit` and `frugalboard status`: upload a model to a server's REST API, then follow the
// benchmark until it ends and say where the model stands (rank and badge). Only HTTP (cli/api-client.ts).
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { ApiRefusal, createApiClient, FINAL_STATUSES, ServerUnavailable, type ApiClient, type SubmissionState } from "./api-client";
import { EXIT } from "./exit";
import { multipartBody } from "./multipart";
import { benchmarkProgress, formatSubmission, progressLine, uploadProgress, type ProgressLine } from "./render-submission";
import { parseStatusArgs, parseSubmitArgs, STATUS_USAGE, SUBMIT_USAGE, type ServerArgs } from "./submit-args";

const POLL_MS = 1_000;
/** Polls that may fail in a row (server restarting, a proxy blip) before the wait gives up: about a minute. */
const MAX_FAILED_POLLS = 60;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The exit status a submission's state stands for. */
export function exitFor(status: SubmissionState["status"]): number {
  if (status === "rejected") return EXIT.refused;
  if (status === "failed") return EXIT.failed;
  return EXIT.finished;
}

function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A refusal or an unusable server: the message on stderr (and as JSON with --json), and its exit status. */
function report(error: unknown, args: Pick<ServerArgs, "json">): number {
  if (error instanceof ApiRefusal) {
    if (args.json) writeJson({ error: { code: error.code, message: error.message, httpStatus: error.httpStatus, ...(error.rule ? { rule: error.rule } : {}) } });
    process.stderr.write(`frugalboard: refused by the server (HTTP ${error.httpStatus} ${error.code}): ${error.message}\n`);
    return EXIT.refused;
  }
  if (error instanceof ServerUnavailable) {
    if (args.json) writeJson({ error: { code: error.code, message: error.message, ...(error.httpStatus ? { httpStatus: error.httpStatus } : {}) } });
    process.stderr.write(`frugalboard: ${error.message}\n`);
    return EXIT.unavailable;
  }
  throw error;
}

/** Polls until the state is final or the time is up; transient failures are retried, refusals are not. */
async function follow(client: ApiClient, id: string, args: ServerArgs, progress: ProgressLine) {
  const deadline = Date.now() + args.timeoutS * 1000;
  let failures = 0;
  for (;;) {
    try {
      const answer = await client.submission(id);
      failures = 0;
      const line = benchmarkProgress(answer.state);
      progress.update(line.text, line.key);
      if (FINAL_STATUSES.has(answer.state.status)) return { ...answer, timedOut: false };
      if (Date.now() >= deadline) return { ...answer, timedOut: true };
    } catch (error) {
      if (!(error instanceof ServerUnavailable) || ++failures >= MAX_FAILED_POLLS || Date.now() >= deadline) throw error;
      progress.update(`server unavailable (${error.message}); trying again`, `unavailable:${error.code}`);
    }
    await sleep(POLL_MS);
  }
}

/** Prints the final (or last) state and returns the exit status. */
function finish(answer: { state: SubmissionState; raw: unknown; timedOut: boolean }, args: ServerArgs): number {
  const { state } = answer;
  if (args.json) writeJson(answer.raw);
  else process.stdout.write(formatSubmission(state, args.server));
  if (answer.timedOut) {
    process.stderr.write(
      `frugalboard: still ${state.status} after ${args.timeoutS} s; the benchmark goes on. Follow it with: frugalboard status ${state.id} --watch --server ${args.server}\n`,
    );
    return EXIT.unavailable;
  }
  if (state.status === "failed" || state.status === "rejected") {
    process.stderr.write(`frugalboard: the benchmark ${state.status === "failed" ? "failed" : "rejected the model"}: ${state.error?.message ?? "no reason given"}\n`);
  }
  return exitFor(state.status);
}

export async function submit(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${SUBMIT_USAGE}\n`);
    return EXIT.finished;
  }
  const args = parseSubmitArgs(argv);
  let sizeBytes: number;
  try {
    const info = await stat(args.modelPath);
    if (!info.isFile()) throw new Error("not a file");
    sizeBytes = info.size;
  } catch (error) {
    process.stderr.write(`frugalboard: cannot read the model file ${args.modelPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return EXIT.usage;
  }
  let trainingEmissions: string | undefined;
  if (args.trainingEmissionsPath) {
    try {
      // Read whole: a CodeCarbon file is a few hundred bytes a run; the server refuses one over 1 MB and says why.
      trainingEmissions = await readFile(args.trainingEmissionsPath, "utf8");
    } catch (error) {
      process.stderr.write(`frugalboard: cannot read the training emissions file ${args.trainingEmissionsPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return EXIT.usage;
    }
  }
  const progress = progressLine(process.stderr, !args.json);
  const client = createApiClient(args.server, args.token);
  const body = multipartBody(
    { model: args.model, task: args.task, name: args.name, description: args.description, trainingEmissions },
    { field: "file", path: args.modelPath, filename: basename(args.modelPath), sizeBytes },
  );
  try {
    const created = await client.submit(body, (sent) => {
      const line = uploadProgress(sent, body.lengthBytes);
      progress.update(line.text, line.key);
    });
    progress.done();
    if (created.alreadySubmitted) {
      process.stderr.write(`frugalboard: already submitted: this file was submitted for ${args.task} before (submission ${created.id}); following that one.\n`);
    } else if (!args.json) {
      process.stderr.write(`frugalboard: submitted as ${created.id}\n`);
    }
    const answer = await follow(client, created.id, args, progress);
    progress.done();
    return finish(answer, args);
  } catch (error) {
    progress.done();
    return report(error, args);
  }
}

export async function status(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${STATUS_USAGE}\n`);
    return EXIT.finished;
  }
  const args = parseStatusArgs(argv);
  const client = createApiClient(args.server, args.token);
  const progress = progressLine(process.stderr, args.watch && !args.json);
  try {
    const answer = args.watch ? await follow(client, args.id, args, progress) : { ...(await client.submission(args.id)), timedOut: false };
    progress.done();
    return finish(answer, args);
  } catch (error) {
    progress.done();
    return report(error, args);
  }
}
