// Runs the model in a child process (docs/architecture.md, "Measurement protocol" step 2) and enforces the limits
// from outside it: a wall-clock limit, a memory limit (VmHWM polled every 20 ms, so a peak between polls is still
// seen), and the abort signal.
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BenchmarkError } from "../types";
import { stripControlChars } from "../onnx/rules";
import { childEnvironment } from "./child-env";
import { readStatusBytes } from "./memory";
import type { ChildMessage, ParentMessage } from "./protocol";

const MEMORY_POLL_MS = 20;
const STDERR_TAIL_CHARS = 2000;
/** onnxruntime's warnings kept for the result (runtimeLog): the first lines, each cut to a readable length. */
export const RUNTIME_LOG_LINES = 40;
const RUNTIME_LOG_LINE_CHARS = 400;
/** An onnxruntime log line: "<date> <time> [W:onnxruntime:…] …"; the time is dropped so two runs' logs compare. */
// eslint-disable-next-line no-control-regex -- the escape character is what the pattern is for
const ANSI_COLOUR = /\x1b\[[0-9;]*m/g;
const RUNTIME_LINE = /^(?:\S+ \S+ )?(\[[WE]:onnxruntime:.*)$/;

export interface ChildLimits {
  timeLimitS: number;
  /** The run's whole limit, named in the message when this child has only what is left of it. */
  runTimeLimitS?: number;
  memoryLimitMb: number;
  signal?: AbortSignal;
}

interface Pending<C> {
  type: string;
  resolve: (message: C) => void;
  reject: (error: BenchmarkError) => void;
}

type ErrorMessage = Extract<ChildMessage, { type: "error" }>;

/** The benchmark's child (child.ts) by default; bench:harness forks its own entry with its own messages (bench-protocol.ts). */
export class ChildSupervisor<P extends { type: string } = ParentMessage, C extends { type: string } = ChildMessage> {
  private readonly child: ChildProcess;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly exited: Promise<void>;
  private failure: BenchmarkError | undefined;
  private pending: Pending<C> | undefined;
  private stderrTail = "";
  private stderrPartial = "";
  private readonly log: string[] = [];
  private readonly onAbort = () => this.fail(new BenchmarkError("aborted", "The benchmark was cancelled."));

  constructor(
    private readonly limits: ChildLimits,
    entry: URL = new URL("./child.ts", import.meta.url),
  ) {
    // tsx is resolved from here, not from the working directory, so the CLI and the worker fork alike.
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    this.child = fork(fileURLToPath(entry), [], {
      execArgv: ["--import", tsx, "--expose-gc"],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      env: childEnvironment(),
    });
    // A child that could not be spawned emits "error" and never "exit".
    this.exited = new Promise((resolve) => {
      this.child.once("exit", () => resolve());
      if (this.child.pid === undefined) this.child.once("error", () => resolve());
    });
    this.child.stderr?.on("data", (chunk: Buffer) => this.readStderr(chunk.toString()));
    this.child.on("message", (message: C | ErrorMessage) => this.receive(message));
    this.child.on("error", (error) => this.fail(new BenchmarkError("runtime_error", `The model's process could not run: ${error.message}`)));
    this.child.on("exit", (code, signal) => this.fail(this.crashError(code, signal)));
    this.watchLimits();
  }

  /** Sends one request and waits for its reply of the given type; rejects with the run's failure. */
  request<T extends C["type"]>(message: P, replyType: T): Promise<Extract<C, { type: T }>> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending) throw new Error(`request "${message.type}" sent while "${this.pending.type}" is unanswered`);
    return new Promise((resolve, reject) => {
      this.pending = { type: replyType, resolve: resolve as (m: C) => void, reject };
      this.child.send(message, (error) => {
        if (error) this.fail(new BenchmarkError("runtime_error", `The model's process stopped listening: ${error.message}`));
      });
    });
  }

  /** onnxruntime's warnings and errors the child printed so far (RUNTIME_LOG_LINES at most). */
  runtimeLog(): string[] {
    return [...this.log];
  }

  private readStderr(text: string): void {
    this.stderrTail = (this.stderrTail + text).slice(-STDERR_TAIL_CHARS);
    const lines = (this.stderrPartial + text).split("\n");
    this.stderrPartial = lines.pop()!.slice(-RUNTIME_LOG_LINE_CHARS * 4);
    for (const line of lines) {
      const match = RUNTIME_LINE.exec(stripControlChars(line.replace(ANSI_COLOUR, "")).trim());
      if (match && this.log.length < RUNTIME_LOG_LINES) this.log.push(match[1].slice(0, RUNTIME_LOG_LINE_CHARS));
    }
  }

  /** Stops the child whatever its state (SIGKILL), and waits until it is gone. */
  async close(): Promise<void> {
    this.timers.forEach(clearTimeout);
    this.limits.signal?.removeEventListener("abort", this.onAbort);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
    await this.exited;
  }

  private receive(message: C | ErrorMessage): void {
    if (isErrorMessage(message)) return this.fail(new BenchmarkError(message.code, message.message, message.rule));
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    if (message.type === pending.type) pending.resolve(message as C);
    else this.fail(new BenchmarkError("runtime_error", `The benchmark harness expected "${pending.type}" and got "${message.type}".`));
  }

  /** The first failure wins: a later exit caused by our own SIGKILL must not replace "memory_limit" with a crash. */
  private fail(error: BenchmarkError): void {
    if (this.failure) return;
    this.failure = error;
    this.child.kill("SIGKILL");
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }

  private crashError(code: number | null, signal: NodeJS.Signals | null): BenchmarkError {
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    const lastLine = this.stderrTail.trim().split("\n").pop()?.slice(0, 300);
    return new BenchmarkError("runtime_error", `The model's process ${how} before the benchmark finished${lastLine ? `: ${lastLine}` : "."}`);
  }

  private watchLimits(): void {
    const { timeLimitS, memoryLimitMb, signal } = this.limits;
    const namedLimitS = this.limits.runTimeLimitS ?? timeLimitS;
    if (signal?.aborted) this.onAbort();
    signal?.addEventListener("abort", this.onAbort, { once: true });
    const timeLimitError = () =>
      new BenchmarkError(
        "time_limit",
        `The benchmark ran past its time limit of ${namedLimitS} s. ` +
          "Raise it with FRUGAL_TIME_LIMIT_S (CLI: --time-limit-s) or use a smaller model.",
      );
    this.timers.push(setTimeout(() => this.fail(timeLimitError()), timeLimitS * 1000));
    const limitBytes = memoryLimitMb * 1024 * 1024;
    this.timers.push(
      setInterval(() => {
        const pid = this.child.pid;
        if (pid === undefined) return;
        const peak = readStatusBytes(pid, "VmHWM") ?? readStatusBytes(pid, "VmRSS");
        if (peak !== undefined && peak > limitBytes) {
          const usedMb = Math.round(peak / 1024 / 1024);
          this.fail(
            new BenchmarkError(
              "memory_limit",
              `The model's process used ${usedMb} MB of memory, above the limit of ${memoryLimitMb} MB (runtime and test set ` +
                "included). Raise it with FRUGAL_MEMORY_LIMIT_MB (CLI: --memory-limit-mb) or use a smaller model.",
            ),
          );
        }
      }, MEMORY_POLL_MS),
    );
  }
}

function isErrorMessage(message: { type: string }): message is ErrorMessage {
  return message.type === "error";
}
