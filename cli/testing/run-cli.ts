// The CLI as a user runs it: `node cli/bin.mjs …` in a child process from the project's root, with the exit
// status and both streams returned (used by the CLI's tests, cli/*.test.ts).
import { execFile } from "node:child_process";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with this process's environment plus `env`; a run past `timeoutMs` is killed. */
export function runCli(args: string[], env: Record<string, string>, timeoutMs: number): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ["cli/bin.mjs", ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: timeoutMs },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
