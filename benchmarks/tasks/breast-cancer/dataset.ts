// Loads the Breast Cancer Wisconsin test set from scikit-learn's CSV (resolved and hash-checked): a header line
// "<rows>,<features>,<name of target 0>,<name of target 1>", then one line per case of the feature values and the
// target. The test set is every fifth data row (i % 5 == 0, counting data rows from 0); the rest is for training.
import { readFile } from "node:fs/promises";
import type { ResolvedFiles } from "../../datasets/resolve";
import type { LoadedDataset } from "../../types";

const FILE = "breast_cancer.csv";
const FEATURES = 30; // the contract's [N,30]

export function isTestRow(index: number): boolean {
  return index % 5 === 0;
}

export interface BreastCancerRows {
  features: Float32Array;
  labels: Uint8Array;
}

/** Every data row of the file, in order, checked against its header. */
export function parseBreastCancerCsv(text: string): BreastCancerRows {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const header = (lines.shift() ?? "").trim().split(",");
  const [rows, features] = header.slice(0, 2).map(Number);
  if (header.length !== 4 || features !== FEATURES || header[2] !== "malignant" || header[3] !== "benign") {
    throw new Error(`${FILE} starts with "${header.join(",")}", expected "<rows>,${FEATURES},malignant,benign"`);
  }
  if (lines.length !== rows) throw new Error(`${FILE} holds ${lines.length} data rows, its header says ${rows}`);
  const values = new Float32Array(rows * FEATURES);
  const labels = new Uint8Array(rows);
  lines.forEach((line, row) => {
    const fields = line.trim().split(",");
    if (fields.length !== FEATURES + 1) throw new Error(`${FILE} data row ${row} has ${fields.length} fields, expected ${FEATURES + 1}`);
    for (let j = 0; j < FEATURES; j++) {
      const value = Number(fields[j]);
      if (fields[j] === "" || !Number.isFinite(value)) throw new Error(`${FILE} data row ${row} field ${j} is "${fields[j]}", not a number`);
      values[row * FEATURES + j] = value;
    }
    const target = fields[FEATURES];
    if (target !== "0" && target !== "1") throw new Error(`${FILE} data row ${row} has target "${target}", expected 0 or 1`);
    labels[row] = Number(target);
  });
  return { features: values, labels };
}

export async function loadBreastCancer(files: ResolvedFiles): Promise<LoadedDataset> {
  const all = parseBreastCancerCsv(await readFile(files[FILE], "utf8"));
  const testRows = Array.from(all.labels.keys()).filter(isTestRow);
  const inputs = new Float32Array(testRows.length * FEATURES);
  const labels = new Uint8Array(testRows.length);
  testRows.forEach((row, i) => {
    inputs.set(all.features.subarray(row * FEATURES, (row + 1) * FEATURES), i * FEATURES);
    labels[i] = all.labels[row];
  });
  return { samples: testRows.length, sampleSize: FEATURES, inputs, labels };
}
