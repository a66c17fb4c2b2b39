// The queue tests run once per backend (PostgreSQL always; Redis where one answers, see global-setup.ts): each
// case its own test, named for its backend, with the queue switched by configuration as a deployment would.
import { beforeAll, describe, inject } from "vitest";
import { resetEnvForTests } from "../env";
import type { QueueBackendName } from "../queue/backend";
import { closeQueues } from "../queue/get-queue";

export const queueBackends = (): QueueBackendName[] => inject("queueBackends");

/** Points this process (and the workers it spawns) at one backend; the open queues of the other are closed. */
export async function useQueueBackend(backend: QueueBackendName): Promise<void> {
  await closeQueues();
  process.env.FRUGAL_QUEUE = backend;
  resetEnvForTests();
}

/** describe(), once per backend under test: "<title> (postgres)", "<title> (redis)". */
export function describeEachQueueBackend(title: string, body: (backend: QueueBackendName) => void): void {
  for (const backend of queueBackends()) {
    describe(`${title} (${backend} queue)`, () => {
      beforeAll(() => useQueueBackend(backend));
      body(backend);
    });
  }
}
