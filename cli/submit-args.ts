// `frugalboard submit` and `frugalboard status` arguments. Every flag is checked here, so a bad one is a usage
// error (exit 2) before anything is sent. The server checks the rest (model name, task) and says why.
import { parseArgs } from "node:util";
import { UsageError } from "./bench-args";

export const DEFAULT_SERVER = "http://localhost:3000";
const DEFAULT_TIMEOUT_S = 3600;

const EXIT_STATUSES = `Exit status: 0 succeeded, 2 usage, 3 refused by the server or the model rejected, 4 the benchmark failed,
5 server unreachable, a server error, or the wait ran out.`;

const CONNECTION = `  --server URL         the frugalboard server (default $FRUGALBOARD_SERVER, else ${DEFAULT_SERVER})
  --timeout-s S        stop waiting after S seconds (default ${DEFAULT_TIMEOUT_S}); the benchmark goes on
  --json               print the submission as the API returns it (GET /api/v1/submissions/ID), no progress`;

export const SUBMIT_USAGE = `Usage: frugalboard submit MODEL.onnx --task TASK --model NAME [options]

Uploads the model, follows its benchmark, then prints the board rank and the badge Markdown.

Options:
  --task ID            task to benchmark on (e.g. mnist; GET /api/v1/tasks lists them)
  --model NAME         the model's name on the board: 3–64 letters, digits and '-'; yours once created
  --name TEXT          display name of a new model (default: NAME)
  --description TEXT   description of a new model
  --training-emissions emissions.csv
                       the training's CodeCarbon emissions.csv, shown on the model page as reported (runs are summed)
  --token TOKEN        API token (default $FRUGALBOARD_TOKEN, which is better: a flag shows in process lists)
${CONNECTION}

${EXIT_STATUSES}`;

export const STATUS_USAGE = `Usage: frugalboard status ID [--watch] [options]

Prints a submission's state once; with --watch, follows it until it is final.

Options:
  --watch              follow the benchmark until it succeeds, fails or is rejected
  --token TOKEN        API token, sent when given (default $FRUGALBOARD_TOKEN)
${CONNECTION}

${EXIT_STATUSES} While queued or running (without --watch): 0.`;

export interface ServerArgs {
  /** Base URL without a trailing slash. */
  server: string;
  token: string | undefined;
  json: boolean;
  timeoutS: number;
}

export interface SubmitArgs extends ServerArgs {
  modelPath: string;
  task: string;
  model: string;
  name: string | undefined;
  description: string | undefined;
  /** A CodeCarbon emissions.csv to send as the training's reported emissions. */
  trainingEmissionsPath: string | undefined;
  token: string;
}

export interface StatusArgs extends ServerArgs {
  id: string;
  watch: boolean;
}

type Env = Record<string, string | undefined>;

const SHARED_OPTIONS = {
  server: { type: "string" },
  token: { type: "string" },
  "timeout-s": { type: "string" },
  json: { type: "boolean", default: false },
} as const;

function parseOrUsage<T>(usage: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    // parseArgs names the unknown flag or the missing value ("Unknown option '--bogus'").
    throw new UsageError((error as Error).message, usage);
  }
}

export function parseServerUrl(value: string, usage: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.search || url.hash || url.username) {
    throw new UsageError(`--server must be an http(s) URL such as https://frugalboard.example.org, got "${value}".`, usage);
  }
  return url.href.replace(/\/+$/, "");
}

function serverArgs(values: Record<string, string | boolean | undefined>, env: Env, usage: string): ServerArgs {
  const timeout = values["timeout-s"] as string | undefined;
  const timeoutS = timeout === undefined ? DEFAULT_TIMEOUT_S : Number(timeout);
  if (timeout !== undefined && (timeout.trim() === "" || !Number.isFinite(timeoutS) || timeoutS <= 0)) {
    throw new UsageError(`--timeout-s must be a number above 0, got "${timeout}".`, usage);
  }
  const token = (values.token as string | undefined) ?? env.FRUGALBOARD_TOKEN;
  return {
    server: parseServerUrl((values.server as string | undefined) ?? (env.FRUGALBOARD_SERVER || DEFAULT_SERVER), usage),
    token: token?.trim() || undefined,
    json: values.json === true,
    timeoutS,
  };
}

export function parseSubmitArgs(argv: string[], env: Env = process.env): SubmitArgs {
  const { values, positionals } = parseOrUsage(SUBMIT_USAGE, () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { ...SHARED_OPTIONS, task: { type: "string" }, model: { type: "string" }, name: { type: "string" }, description: { type: "string" }, "training-emissions": { type: "string" } },
    }),
  );
  if (positionals.length !== 1 || !values.task || !values.model) {
    throw new UsageError("One model file, --task and --model are required.", SUBMIT_USAGE);
  }
  const shared = serverArgs(values, env, SUBMIT_USAGE);
  if (!shared.token) {
    throw new UsageError(
      "An API token is required: set FRUGALBOARD_TOKEN or pass --token (create one on the server's tokens page, or with `npm run token:create -- --user NAME`).",
      SUBMIT_USAGE,
    );
  }
  return {
    ...shared,
    token: shared.token,
    modelPath: positionals[0],
    task: values.task,
    model: values.model,
    name: values.name,
    description: values.description,
    trainingEmissionsPath: values["training-emissions"],
  };
}

export function parseStatusArgs(argv: string[], env: Env = process.env): StatusArgs {
  const { values, positionals } = parseOrUsage(STATUS_USAGE, () =>
    parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...SHARED_OPTIONS, watch: { type: "boolean", default: false } } }),
  );
  if (positionals.length !== 1 || positionals[0].trim() === "") throw new UsageError("One submission id is required.", STATUS_USAGE);
  return { ...serverArgs(values, env, STATUS_USAGE), id: positionals[0], watch: values.watch === true };
}
