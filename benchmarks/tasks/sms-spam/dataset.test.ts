// Needs FRUGAL_DATASET_MIRROR (CI: ../shared/datasets); without it the resolver's error says where to get the file.
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resolveDataset } from "../../datasets/resolve";
import { validateModel } from "../../onnx/validate";
import { BenchmarkError } from "../../types";
import { listBaselines } from "../list-baselines";
import { listTasks, requireTask } from "../catalog";
import { loadTaskDataset } from "../registry";
import { isSmsTestLine, parseSmsCollection } from "./dataset";
import { SMS_SPAM_FILE, smsSpamTask } from "./index";

function refusal(bytes: Uint8Array, task = smsSpamTask): BenchmarkError {
  try {
    validateModel(bytes, task);
  } catch (error) {
    return error as BenchmarkError;
  }
  throw new Error("the model was accepted");
}

describe("sms-spam task", () => {
  it("is registered with its contract (docs/architecture.md, Tasks)", () => {
    expect(requireTask("sms-spam")).toBe(smsSpamTask);
    expect(listTasks().map((task) => task.id)).toContain("sms-spam");
    expect(smsSpamTask.contract).toEqual({
      input: { elemType: "string", shape: [null] },
      output: { elemType: "float32", shape: [null, 2] },
    });
    // above the majority class (ham, 959 of 1,115 = 86.0 %) with a margin
    expect(smsSpamTask.qualityFloor).toBeGreaterThan(959 / 1115 + 0.05);
  });

  it("has a manifest with the file's SHA-256, licence, citation and source, and the mirror's copy matches it", async () => {
    const { dataset } = smsSpamTask;
    expect(dataset).toMatchObject({ folder: "sms-spam-collection", licence: expect.stringContaining("CC BY 4.0") });
    expect(dataset.canonicalUrl).toBe("https://archive.ics.uci.edu/static/public/228/sms+spam+collection.zip");
    expect(dataset.citation).toContain("Almeida");
    expect(dataset.files).toEqual([
      { name: "SMSSpamCollection", sha256: "7d039a24a6083ed9ef0f806ebad56bbb976e3aeb8de05669173bfdc4996c239d", bytes: 477_907 },
    ]);
    const files = await resolveDataset(dataset);
    expect(files[SMS_SPAM_FILE]).toMatch(/sms-spam-collection\/SMSSpamCollection$/);
  });

  it("loads the test split: every fifth line, 1,115 messages of which 156 spam, text untouched", async () => {
    const dataset = await loadTaskDataset(smsSpamTask);
    expect(dataset.samples).toBe(1115);
    expect(dataset.sampleSize).toBe(1);
    expect(Array.isArray(dataset.inputs)).toBe(true);
    const texts = dataset.inputs as string[];
    expect(texts).toHaveLength(1115);
    expect(Array.from(dataset.labels).filter((label) => label === 1)).toHaveLength(156);
    expect(Array.from(dataset.labels).every((label) => label <= 1)).toBe(true);
    const lines = readFileSync((await resolveDataset(smsSpamTask.dataset))[SMS_SPAM_FILE], "utf8").split("\n");
    expect(lines).toHaveLength(5575); // 5,574 lines and the final newline
    for (const i of [0, 1, 557, 1114]) expect(`${dataset.labels[i] ? "spam" : "ham"}\t${texts[i]}`).toBe(lines[5 * i]);
    expect(texts[0]).toBe("Go until jurong point, crazy.. Available only in bugis n great world la e buffet... Cine there got amore wat...");
  });

  it("parses label<TAB>text lines and refuses any other, with its line number", () => {
    const messages = parseSmsCollection("ham\tHi there\nspam\tWIN a prize\tnow\n");
    expect(messages).toEqual([
      { line: 0, label: 0, text: "Hi there" },
      { line: 1, label: 1, text: "WIN a prize\tnow" },
    ]);
    expect(messages.filter((m) => isSmsTestLine(m.line))).toHaveLength(1);
    expect(() => parseSmsCollection("ham\tok\nmaybe\ttext\n", "f.txt")).toThrow('f.txt line 2 is not "ham<TAB>text" or "spam<TAB>text"');
    expect(() => parseSmsCollection("ham\tok\nno tab here\n", "f.txt")).toThrow("f.txt line 2");
  });

  it("refuses a model made for another task's contract", () => {
    for (const other of ["mnist", "spoken-digits"]) {
      const error = refusal(readFileSync(listBaselines(other)[0].path));
      expect(error).toBeInstanceOf(BenchmarkError);
      expect(error).toMatchObject({ code: "invalid_model", rule: "input-type" });
      expect(error.message).toContain("task sms-spam expects string [N]");
    }
    // and an sms-spam model is refused by the other tasks
    const spamModel = readFileSync(listBaselines("sms-spam")[0].path);
    expect(refusal(spamModel, requireTask("mnist"))).toMatchObject({ code: "invalid_model", rule: "input-type" });
  });
});

describe("sms-spam dataset in a mirror", () => {
  let mirror: string;
  beforeEach(async () => {
    mirror = await mkdtemp(join(tmpdir(), "frugal-sms-"));
    await mkdir(join(mirror, "sms-spam-collection"));
  });
  afterEach(() => rm(mirror, { recursive: true, force: true }));

  it("names the missing file and says where to get it", async () => {
    const error = await loadTaskDataset(smsSpamTask, { mirrorDir: mirror }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error.code).toBe("dataset_missing");
    expect(error.message).toContain(`SMSSpamCollection (SHA-256 ${smsSpamTask.dataset.files[0].sha256})`);
    expect(error.message).toContain("https://archive.ics.uci.edu/static/public/228/sms+spam+collection.zip");
    expect(error.message).toContain("<mirror>/sms-spam-collection/");
    expect(error.message).toContain("FRUGAL_DATASET_MIRROR");
  });

  it("names an altered file and refuses it", async () => {
    const original = await readFile((await resolveDataset(smsSpamTask.dataset))[SMS_SPAM_FILE], "utf8");
    await writeFile(join(mirror, "sms-spam-collection", SMS_SPAM_FILE), original.replace("ham\tGo until", "spam\tGo until"));
    const error = await loadTaskDataset(smsSpamTask, { mirrorDir: mirror }).catch((e) => e);
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error.rule).toBe("dataset_hash_mismatch");
    expect(error.message).toContain("SMSSpamCollection");
    expect(error.message).toContain(`expected ${smsSpamTask.dataset.files[0].sha256}`);
  });
});
