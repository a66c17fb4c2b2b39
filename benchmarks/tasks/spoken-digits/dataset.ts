// Loads the FSDD test recordings from their resolved (hash-checked) files and applies the contract's fixed
// preprocessing: int16/32768, centre-crop or zero-pad to 8192 samples.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseWavPcm16 } from "../../datasets/wav";
import type { ResolvedFiles } from "../../datasets/resolve";
import type { LoadedDataset } from "../../types";
import { SPOKEN_DIGITS_CLIP_SAMPLES, SPOKEN_DIGITS_SAMPLE_RATE_HZ, spokenDigitsTask } from "./index";

/**
 * Writes one clip into `out` (length 8192) as the contract says: sample/32768; a longer clip keeps the 8192 samples
 * from ⌊(n−8192)/2⌋, a shorter one is followed by zeros.
 */
export function fitClip(samples: Int16Array, out: Float32Array): void {
  const length = out.length;
  const start = samples.length > length ? Math.floor((samples.length - length) / 2) : 0;
  const copied = Math.min(length, samples.length);
  for (let i = 0; i < copied; i++) out[i] = samples[start + i] / 32768;
  out.fill(0, copied);
}

/** Parses one recording, refusing anything but 16-bit PCM mono at 8 kHz (the dataset's own format). */
export function readDigitClip(bytes: Uint8Array, name: string): Int16Array {
  const audio = parseWavPcm16(bytes, name);
  if (audio.channels !== 1 || audio.sampleRateHz !== SPOKEN_DIGITS_SAMPLE_RATE_HZ) {
    throw new Error(
      `${name} is ${audio.channels}-channel PCM at ${audio.sampleRateHz} Hz; the spoken-digits task reads mono 16-bit PCM at ` +
        `${SPOKEN_DIGITS_SAMPLE_RATE_HZ} Hz only`,
    );
  }
  return audio.samples;
}

/** The digit a recording holds, from its name `{digit}_{speaker}_{index}.wav`. */
export function digitOf(name: string): number {
  const match = /^(\d)_[a-z]+_\d+\.wav$/.exec(basename(name));
  if (!match) throw new Error(`${name} is not named {digit}_{speaker}_{index}.wav`);
  return Number(match[1]);
}

export async function loadSpokenDigits(files: ResolvedFiles): Promise<LoadedDataset> {
  const names = spokenDigitsTask.dataset.files.map((file) => file.name);
  const inputs = new Float32Array(names.length * SPOKEN_DIGITS_CLIP_SAMPLES);
  const labels = new Uint8Array(names.length);
  for (const [i, name] of names.entries()) {
    const clip = readDigitClip(await readFile(files[name]), name);
    fitClip(clip, inputs.subarray(i * SPOKEN_DIGITS_CLIP_SAMPLES, (i + 1) * SPOKEN_DIGITS_CLIP_SAMPLES));
    labels[i] = digitOf(name);
  }
  return { samples: names.length, sampleSize: SPOKEN_DIGITS_CLIP_SAMPLES, inputs, labels };
}
