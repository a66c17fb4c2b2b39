import { describe, expect, it } from "vitest";
import { BATCH_TIE_TOLERANCE, batchCandidates, chooseBatch, type BatchProbe } from "./choose-batch";

const probe = (batchSize: number, cpuUs: number): BatchProbe => ({ batchSize, cpuSPerSample: cpuUs / 1e6, blocks: 20 });

describe("batchCandidates", () => {
  it("probes 1, 4, 16, 64 and 256 for a large test set", () => {
    expect(batchCandidates({ maxBatch: 256, samples: 10_000 })).toEqual([1, 4, 16, 64, 256]);
  });

  it("caps the sizes at a test set smaller than a batch, and tries the whole set as one batch", () => {
    expect(batchCandidates({ maxBatch: 256, samples: 114 })).toEqual([1, 4, 16, 64, 114]);
    expect(batchCandidates({ maxBatch: 256, samples: 3 })).toEqual([1, 3]);
    expect(batchCandidates({ maxBatch: 256, samples: 1 })).toEqual([1]);
  });

  it("caps the sizes at the task's largest batch", () => {
    expect(batchCandidates({ maxBatch: 32, samples: 10_000 })).toEqual([1, 4, 16, 32]);
  });

  it("tries only the fixed size of a model whose batch dimension is fixed", () => {
    expect(batchCandidates({ maxBatch: 256, samples: 10_000, fixedBatch: 1 })).toEqual([1]);
  });
});

describe("chooseBatch", () => {
  it("takes the cheapest batch of measured probe figures", () => {
    // The MNIST CNN baseline, measured (µs of CPU per sample): cheapest at 64, dearer at 256.
    const choice = chooseBatch([probe(1, 37.7), probe(4, 18.4), probe(16, 13.5), probe(64, 12.0), probe(256, 13.0)]);
    expect(choice).toMatchObject({ batchSize: 64, rule: "probed" });
    expect(choice.probes.map((p) => p.batchSize)).toEqual([1, 4, 16, 64, 256]);
  });

  it("takes 256 for a model that gets cheaper all the way up", () => {
    // The MNIST MLP baseline, measured.
    expect(chooseBatch([probe(1, 30.1), probe(4, 8.3), probe(16, 3.3), probe(64, 1.97), probe(256, 1.57)]).batchSize).toBe(256);
  });

  it("breaks a tie within the tolerance towards the smaller batch, which needs less memory", () => {
    const within = 10 * (1 + BATCH_TIE_TOLERANCE * 0.9);
    expect(chooseBatch([probe(16, 10.5), probe(64, within), probe(256, 10)]).batchSize).toBe(64);
    const beyond = 10 * (1 + BATCH_TIE_TOLERANCE * 1.1);
    expect(chooseBatch([probe(64, beyond), probe(256, 10)]).batchSize).toBe(256);
  });

  it("keeps the probes in batch order whatever order they came in", () => {
    expect(chooseBatch([probe(256, 2), probe(1, 30), probe(16, 3)]).probes.map((p) => p.batchSize)).toEqual([1, 16, 256]);
  });

  it("calls a single possible size fixed", () => {
    expect(chooseBatch([probe(1, 0)], true)).toMatchObject({ batchSize: 1, rule: "fixed" });
    expect(chooseBatch([probe(114, 3)])).toMatchObject({ batchSize: 114, rule: "fixed" });
  });

  it("refuses to choose from nothing", () => {
    expect(() => chooseBatch([])).toThrow("no batch size was probed");
  });
});
