// Needs FRUGAL_DATASET_MIRROR (CI: ../shared/datasets); without it the resolver's error says where to get the files.
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resolveDataset } from "../../datasets/resolve";
import { encodeWavPcm16, parseWavPcm16 } from "../../datasets/wav";
import { validateModel } from "../../onnx/validate";
import { BenchmarkError } from "../../types";
import { listBaselines } from "../list-baselines";
import { listTasks, requireTask } from "../catalog";
import { loadTaskDataset } from "../registry";
import { digitOf, fitClip, readDigitClip } from "./dataset";
import { SPOKEN_DIGITS_CLIP_SAMPLES, spokenDigitsTask } from "./index";

const ramp = (n: number) => Array.from({ length: n }, (_, i) => (i % 2000) - 1000);

function clipOf(samples: number[]): Float32Array {
  const out = new Float32Array(SPOKEN_DIGITS_CLIP_SAMPLES).fill(NaN);
  fitClip(readDigitClip(encodeWavPcm16(samples, { sampleRateHz: 8000, channels: 1 }), "synthetic.wav"), out);
  return out;
}

describe("spoken-digits task", () => {
  it("is registered with its contract (docs/architecture.md, Tasks)", () => {
    expect(requireTask("spoken-digits")).toBe(spokenDigitsTask);
    expect(listTasks().map((task) => task.id)).toContain("spoken-digits");
    expect(spokenDigitsTask.contract).toEqual({
      input: { elemType: "float32", shape: [null, 1, 8192] },
      output: { elemType: "float32", shape: [null, 10] },
    });
    expect(spokenDigitsTask.qualityFloor).toBeGreaterThan(0.1); // above the majority class (30 of 300)
  });

  it("lists the 300 test recordings, index 0–4 of each digit and speaker, with licence and source", () => {
    const { dataset } = spokenDigitsTask;
    expect(dataset).toMatchObject({ folder: "free-spoken-digit-dataset", licence: expect.stringContaining("CC BY-SA 4.0") });
    expect(dataset.canonicalUrl).toContain("github.com/Jakobovski/free-spoken-digit-dataset");
    expect(dataset.citation).toContain("10.5281/zenodo.1342401");
    expect(dataset.files).toHaveLength(300);
    expect(new Set(dataset.files.map((f) => f.name)).size).toBe(300);
    const speakers = new Set<string>();
    const perDigit = new Array<number>(10).fill(0);
    for (const file of dataset.files) {
      const [, digit, speaker, index] = /^recordings\/(\d)_([a-z]+)_(\d+)\.wav$/.exec(file.name)!;
      expect(Number(index)).toBeLessThan(5);
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
      speakers.add(speaker);
      perDigit[Number(digit)]++;
    }
    expect(speakers.size).toBe(6);
    expect(perDigit).toEqual(new Array(10).fill(30));
  });

  it("verifies every test file in the mirror by its SHA-256", async () => {
    const files = await resolveDataset(spokenDigitsTask.dataset);
    expect(Object.keys(files)).toHaveLength(300);
    expect(files["recordings/0_george_0.wav"]).toMatch(/free-spoken-digit-dataset\/recordings\/0_george_0\.wav$/);
  });

  it("loads 300 clips of 8192 samples, 30 per digit, as int16/32768 centre-cropped or zero-padded", async () => {
    const dataset = await loadTaskDataset(spokenDigitsTask);
    expect(dataset.samples).toBe(300);
    expect(dataset.sampleSize).toBe(8192);
    const inputs = dataset.inputs as Float32Array;
    expect(inputs).toBeInstanceOf(Float32Array);
    expect(inputs.length).toBe(300 * 8192);
    const counts = new Array<number>(10).fill(0);
    for (const label of dataset.labels) counts[label]++;
    expect(counts).toEqual(new Array(10).fill(30));
    // Each clip checked against its own file, read here independently of the loader.
    const files = await resolveDataset(spokenDigitsTask.dataset);
    let cropped = 0;
    for (const [i, file] of spokenDigitsTask.dataset.files.entries()) {
      const raw = parseWavPcm16(readFileSync(files[file.name])).samples;
      const start = raw.length > 8192 ? Math.floor((raw.length - 8192) / 2) : 0;
      if (raw.length > 8192) cropped++;
      const clip = inputs.subarray(i * 8192, (i + 1) * 8192);
      for (const j of [0, 1, 100, Math.min(raw.length, 8192) - 1]) expect(clip[j]).toBe(raw[start + j] / 32768);
      if (raw.length < 8192) expect(clip[raw.length]).toBe(0);
      expect(dataset.labels[i]).toBe(digitOf(file.name));
    }
    expect(cropped).toBeGreaterThan(0); // the rule for longer clips is exercised by real data too
  });

  it("centre-crops a longer clip from ⌊(n−8192)/2⌋ and zero-pads a shorter one at the end", () => {
    const long = ramp(10_000);
    const cropped = clipOf(long);
    expect(cropped[0]).toBe(long[904] / 32768);
    expect(cropped[8191]).toBe(long[904 + 8191] / 32768);
    // an odd excess rounds the start down
    expect(clipOf(ramp(8195))[0]).toBe(ramp(8195)[1] / 32768);
    const exact = clipOf(ramp(8192));
    expect(Array.from(exact)).toEqual(ramp(8192).map((v) => v / 32768));
    const short = clipOf([32767, -32768, 16384]);
    expect(Array.from(short.subarray(0, 4))).toEqual([32767 / 32768, -1, 0.5, 0]);
    expect(short.subarray(3).every((v) => v === 0)).toBe(true);
  });

  it("refuses a recording that is not mono 16-bit PCM at 8 kHz", () => {
    const stereo = encodeWavPcm16([1, 2], { sampleRateHz: 8000, channels: 2 });
    expect(() => readDigitClip(stereo, "x.wav")).toThrow("x.wav is 2-channel PCM at 8000 Hz; the spoken-digits task reads mono 16-bit PCM at 8000 Hz only");
    const fast = encodeWavPcm16([1, 2], { sampleRateHz: 16000, channels: 1 });
    expect(() => readDigitClip(fast, "y.wav")).toThrow("y.wav is 1-channel PCM at 16000 Hz");
    const float = encodeWavPcm16([1, 2], { sampleRateHz: 8000, channels: 1, formatTag: 3, bitsPerSample: 32 });
    expect(() => readDigitClip(float, "z.wav")).toThrow("only 16-bit PCM");
    expect(() => digitOf("recordings/seven.wav")).toThrow("recordings/seven.wav is not named {digit}_{speaker}_{index}.wav");
  });

  it("refuses a model made for another task's contract", () => {
    for (const other of ["mnist", "sms-spam"]) {
      const baseline = listBaselines(other)[0];
      const error = (() => {
        try {
          return validateModel(readFileSync(baseline.path), spokenDigitsTask);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(BenchmarkError);
      expect(error).toMatchObject({ code: "invalid_model", rule: other === "mnist" ? "input-shape" : "input-type" });
      expect((error as Error).message).toContain("task spoken-digits expects float32 [N,1,8192]");
    }
  });
});

describe("spoken-digits dataset in a mirror", () => {
  let mirror: string;
  const source = () => {
    const root = process.env.FRUGAL_DATASET_MIRROR;
    if (!root) throw new Error("Set FRUGAL_DATASET_MIRROR to the folder holding free-spoken-digit-dataset/ (CI: ../shared/datasets).");
    return join(root, "free-spoken-digit-dataset");
  };
  /** A mirror of links to the real files, with `name` left out or replaced by `bytes`. */
  async function mirrorWith(name: string, bytes?: Uint8Array): Promise<void> {
    await mkdir(join(mirror, "free-spoken-digit-dataset", "recordings"), { recursive: true });
    for (const file of spokenDigitsTask.dataset.files) {
      const target = join(mirror, "free-spoken-digit-dataset", file.name);
      if (file.name !== name) await symlink(join(source(), file.name), target);
      else if (bytes) await writeFile(target, bytes);
    }
  }
  beforeEach(async () => {
    mirror = await mkdtemp(join(tmpdir(), "frugal-fsdd-"));
  });
  afterEach(() => rm(mirror, { recursive: true, force: true }));

  it("names a missing recording and says how to get it", async () => {
    await mirrorWith("recordings/7_theo_3.wav");
    const error = await loadTaskDataset(spokenDigitsTask, { mirrorDir: mirror }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error.code).toBe("dataset_missing");
    const sha = spokenDigitsTask.dataset.files.find((f) => f.name === "recordings/7_theo_3.wav")!.sha256;
    expect(error.message).toContain(`recordings/7_theo_3.wav (SHA-256 ${sha})`);
    expect(error.message).toContain("github.com/Jakobovski/free-spoken-digit-dataset");
    expect(error.message).toContain("FRUGAL_DATASET_MIRROR");
    expect(error.message).not.toContain("0_george_0.wav");
  });

  it("names an altered recording and refuses it", async () => {
    const original = await readFile(join(source(), "recordings/2_lucas_1.wav"));
    const altered = new Uint8Array(original);
    altered[100] ^= 1;
    await mirrorWith("recordings/2_lucas_1.wav", altered);
    const error = await loadTaskDataset(spokenDigitsTask, { mirrorDir: mirror }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error.rule).toBe("dataset_hash_mismatch");
    expect(error.message).toContain("recordings/2_lucas_1.wav");
    expect(error.message).toContain("Replace it with the original from https://github.com/Jakobovski/free-spoken-digit-dataset");
  });
});
