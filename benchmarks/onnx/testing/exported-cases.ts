// The files that testing/exported/generate.py writes, as exporters lay them out, with what the validator must
// say about each (cases.json, computed by the generator independently of the validator).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { PRECISIONS } from "../precision";
import { VALIDATION_RULES } from "../rules";

export const EXPORTED_DIR = join(dirname(fileURLToPath(import.meta.url)), "exported");

const zCommon = z.object({ file: z.string(), producer: z.string(), bytes: z.number().int(), task: z.string() });

export const zExportedCase = z.discriminatedUnion("accepted", [
  zCommon.extend({
    accepted: z.literal(true),
    what: z.string(),
    paramCount: z.number().int(),
    nonZeroParamCount: z.number().int(),
    precision: z.enum(PRECISIONS),
    onnxruntimeOperators: z.array(z.string()).default([]),
    /**
     * Dynamic quantisation scales activations by each batch's own range, so a sample's scores depend on its batch:
     * testCorrect is for the whole test set as one batch, and the harness's batches may differ by a few.
     */
    batchDependent: z.boolean().default(false),
    /** Correct predictions (argmax) on the task's test set. */
    testSamples: z.number().int(),
    testCorrect: z.number().int(),
    /** sms-spam: scores of a few fixed messages, checkable without the uncommitted dataset. */
    probeTexts: z.array(z.string()).optional(),
    probeScores: z.array(z.array(z.number())).optional(),
  }),
  zCommon.extend({ accepted: z.literal(false), rule: z.enum(VALIDATION_RULES), fragments: z.array(z.string()) }),
]);
export type ExportedCase = z.infer<typeof zExportedCase>;

export const EXPORTED_CASES: ExportedCase[] = z.array(zExportedCase).parse(JSON.parse(readFileSync(join(EXPORTED_DIR, "cases.json"), "utf8")));

export function exportedBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(EXPORTED_DIR, file)));
}
