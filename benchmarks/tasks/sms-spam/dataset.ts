// Loads the SMS Spam Collection's test lines (i % 5 == 0) from the resolved (hash-checked) file. The text goes to
// the model untouched; the labels are 0 = ham, 1 = spam.
import { readFile } from "node:fs/promises";
import type { ResolvedFiles } from "../../datasets/resolve";
import type { LoadedDataset } from "../../types";
import { SMS_SPAM_FILE } from "./index";

export interface SmsMessage {
  /** 0-based line index in the file: the split is decided by it. */
  line: number;
  label: 0 | 1;
  text: string;
}

const LABELS: Record<string, 0 | 1> = { ham: 0, spam: 1 };

/** The benchmark's split (there is no official one): line i is a test example when i % 5 == 0. */
export function isSmsTestLine(line: number): boolean {
  return line % 5 === 0;
}

/** Every line of the collection, `label<TAB>text`; a line of another shape is refused with its number. */
export function parseSmsCollection(content: string, name = SMS_SPAM_FILE): SmsMessage[] {
  const lines = content.split("\n");
  if (lines.at(-1) === "") lines.pop(); // the file ends with a newline
  return lines.map((row, line) => {
    const tab = row.indexOf("\t");
    const label = tab < 0 ? undefined : LABELS[row.slice(0, tab)];
    if (label === undefined) throw new Error(`${name} line ${line + 1} is not "ham<TAB>text" or "spam<TAB>text"`);
    return { line, label, text: row.slice(tab + 1) };
  });
}

export async function loadSmsSpam(files: ResolvedFiles): Promise<LoadedDataset> {
  const test = parseSmsCollection(await readFile(files[SMS_SPAM_FILE], "utf8")).filter((m) => isSmsTestLine(m.line));
  return {
    samples: test.length,
    sampleSize: 1,
    inputs: test.map((m) => m.text),
    labels: Uint8Array.from(test, (m) => m.label),
  };
}
