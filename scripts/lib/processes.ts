// Child processes that stop together: Ctrl-C (or SIGTERM) stops every child cleanly, and a child that dies on
// its own takes the others down with it, so a half-running site never lingers.
import { spawn, type ChildProcess } from "node:child_process";

export interface Supervisor {
  start(name: string, command: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess;
  stopAll(signal?: NodeJS.Signals): Promise<void>;
  /** Resolves with the exit code the supervisor should end with. */
  done: Promise<number>;
}

const STOP_GRACE_MS = 20_000;

export function createSupervisor(): Supervisor {
  const children = new Map<string, ChildProcess>();
  let stopping = false;
  let finish: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finish = resolve));

  async function stopAll(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    stopping = true;
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const force = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
            child.once("exit", () => {
              clearTimeout(force);
              resolve();
            });
            child.kill(signal);
          }),
      ),
    );
  }

  function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
    const child = spawn(command, args, { env, stdio: "inherit" });
    children.set(name, child);
    child.on("exit", (code, signal) => {
      children.delete(name);
      if (stopping) {
        if (children.size === 0) finish(0);
        return;
      }
      console.error(`[start] ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the rest.`);
      void stopAll().then(() => finish(1));
    });
    return child;
  }

  return { start, stopAll, done };
}
