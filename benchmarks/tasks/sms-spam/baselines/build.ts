// Builds the sms-spam baselines from the training lines only (the test lines, i % 5 == 0, are dropped as the file is
// parsed). Run from the repository root:
//
//   FRUGAL_DATASET_MIRROR=../shared/datasets npx tsx benchmarks/tasks/sms-spam/baselines/build.ts
//
// The graph's own tokeniser and featuriser (run in onnxruntime) produce the training features, so what the head
// learns from is bit for bit what the exported model computes. Validation: lines with i % 10 == 1 (held out).
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as ort from "onnxruntime-node";
import { resolveDataset } from "../../../datasets/resolve";
import { validateModel } from "../../../onnx/validate";
import { isSmsTestLine, parseSmsCollection, type SmsMessage } from "../dataset";
import { SMS_SPAM_FILE, smsSpamTask } from "../index";
import { trainHead, type HeadOptions, type SparseRow } from "./train-head";
import { buildFeaturizerModel, buildSpamModel, buildTokenizerModel, type Vocabulary } from "./text-graph";

const here = dirname(fileURLToPath(import.meta.url));
const MAX_BYTES = 1_000_000;

interface BaselineSpec {
  slug: string;
  unigrams: number;
  bigrams: number;
  head: Omit<HeadOptions, "features">;
}

const SEED = 20261129;
const BASELINES: BaselineSpec[] = [
  {
    slug: "sms-spam-logreg-small",
    unigrams: 200,
    bigrams: 0,
    head: { hidden: 0, epochs: 40, batchSize: 32, learningRate: 0.02, weightDecay: 1e-5, seed: SEED },
  },
  {
    slug: "sms-spam-logreg",
    unigrams: 1000,
    bigrams: 500,
    head: { hidden: 0, epochs: 40, batchSize: 32, learningRate: 0.02, weightDecay: 1e-5, seed: SEED + 1 },
  },
  {
    slug: "sms-spam-mlp",
    unigrams: 2000,
    bigrams: 2000,
    head: { hidden: 16, epochs: 20, batchSize: 32, learningRate: 0.003, weightDecay: 1e-5, seed: SEED + 2 },
  },
];

async function runGraph(bytes: Uint8Array, texts: string[]): Promise<ort.Tensor> {
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, logSeverityLevel: 3 });
  try {
    const out = await session.run({ input: new ort.Tensor("string", texts, [texts.length]) });
    return out[session.outputNames[0]];
  } finally {
    await session.release();
  }
}

async function tokenise(texts: string[]): Promise<string[][]> {
  const tokens = await runGraph(buildTokenizerModel(), texts);
  const [rows, width] = tokens.dims;
  const data = tokens.data as string[];
  return Array.from({ length: rows }, (_, r) => data.slice(r * width, (r + 1) * width).filter((t) => t !== ""));
}

/** The most frequent n-grams by document frequency in the training messages (ties alphabetical), with smooth IDF. */
function learnVocabulary(docs: string[][], unigrams: number, bigrams: number): Vocabulary {
  const df = [new Map<string, number>(), new Map<string, number>()];
  for (const words of docs) {
    const seen = [new Set(words), new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`))];
    seen.forEach((set, n) => set.forEach((g) => df[n].set(g, (df[n].get(g) ?? 0) + 1)));
  }
  const top = (counts: Map<string, number>, k: number) =>
    [...counts.entries()].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
  const chosen = [...top(df[0], unigrams), ...top(df[1], bigrams)];
  // sklearn's smooth IDF: ln((1 + n) / (1 + df)) + 1
  return { ngrams: chosen.map(([g]) => g), idf: chosen.map(([, c]) => Math.log((1 + docs.length) / (1 + c)) + 1) };
}

async function featurise(vocabulary: Vocabulary, texts: string[]): Promise<SparseRow[]> {
  const features = await runGraph(buildFeaturizerModel(vocabulary), texts);
  const width = vocabulary.ngrams.length;
  const data = features.data as Float32Array;
  return texts.map((_, r) => {
    const columns: number[] = [];
    for (let c = 0; c < width; c++) if (data[r * width + c] !== 0) columns.push(c);
    return { columns: Int32Array.from(columns), values: Float32Array.from(columns, (c) => data[r * width + c]) };
  });
}

async function accuracyOf(bytes: Uint8Array, messages: SmsMessage[]): Promise<number> {
  const scores = (await runGraph(bytes, messages.map((m) => m.text))).data as Float32Array;
  return messages.filter((m, i) => Number(scores[2 * i + 1] > scores[2 * i]) === m.label).length / messages.length;
}

async function main(): Promise<void> {
  const only = new Set(process.argv.slice(2));
  const files = await resolveDataset(smsSpamTask.dataset);
  const all = parseSmsCollection(await readFile(files[SMS_SPAM_FILE], "utf8"));
  const notTest = all.filter((m) => !isSmsTestLine(m.line));
  const train = notTest.filter((m) => m.line % 10 !== 1);
  const validation = notTest.filter((m) => m.line % 10 === 1);
  const spam = (list: SmsMessage[]) => list.filter((m) => m.label === 1).length;
  console.log(`onnxruntime-node ${ort.env.versions.common}, node ${process.version}`);
  console.log(`training messages: ${train.length} (${spam(train)} spam); validation (i % 10 == 1): ${validation.length} (${spam(validation)} spam)`);
  const majority = validation.filter((m) => m.label === 0).length / validation.length;
  console.log(`validation majority-class (ham) accuracy ${(majority * 100).toFixed(2)}%`);

  const trainTokens = await tokenise(train.map((m) => m.text));
  const labels = Uint8Array.from(train, (m) => m.label);
  const rows: string[] = [];
  for (const spec of BASELINES) {
    if (only.size > 0 && !only.has(spec.slug)) continue;
    const started = Date.now();
    const vocabulary = learnVocabulary(trainTokens, spec.unigrams, spec.bigrams);
    const features = await featurise(vocabulary, train.map((m) => m.text));
    const head = trainHead(features, labels, { ...spec.head, features: vocabulary.ngrams.length });
    const bytes = buildSpamModel(vocabulary, head);
    const info = validateModel(bytes, smsSpamTask);
    if (bytes.length > MAX_BYTES) throw new Error(`${spec.slug}: ${bytes.length} bytes exceeds ${MAX_BYTES}`);
    const accuracy = await accuracyOf(bytes, validation);
    await writeFile(join(here, `${spec.slug}.onnx`), bytes);
    const sha = createHash("sha256").update(bytes).digest("hex");
    const seconds = (Date.now() - started) / 1000;
    console.log(`${spec.slug}: ${vocabulary.ngrams.length} n-grams, params ${info.paramCount}, ${bytes.length} bytes, validation accuracy ${(accuracy * 100).toFixed(2)}%, ${seconds.toFixed(1)} s`);
    rows.push(`${spec.slug.padEnd(22)} ${String(info.paramCount).padStart(7)} ${String(bytes.length).padStart(7)} ${(accuracy * 100).toFixed(2).padStart(7)}%  ${sha}`);
  }
  console.log(`\n${"model".padEnd(22)} ${"params".padStart(7)} ${"bytes".padStart(7)} ${"val acc".padStart(8)}  sha256\n${rows.join("\n")}`);
}

void main();
