// Free Spoken Digit Dataset: the 300 recordings with index 0–4, as 8192 samples of int16/32768 at 8 kHz
// (docs/architecture.md, "Tasks"). Preprocessing is fixed here so every model sees the same tensors.
import type { TaskDefinition } from "../../types";
import { SPOKEN_DIGITS_TEST_FILES } from "./test-files";
import { HALF_DECADE_UPPER_BOUNDS_UJ } from "../shared-facts";

/** Samples per clip in the contract: 1.024 s at 8 kHz. */
export const SPOKEN_DIGITS_CLIP_SAMPLES = 8192;
export const SPOKEN_DIGITS_SAMPLE_RATE_HZ = 8000;

export const spokenDigitsTask: TaskDefinition = {
  id: "spoken-digits",
  title: "Spoken digits",
  description:
    "Classify a spoken digit (0–9) from its waveform. Input float32 [N,1,8192]: the 16-bit PCM samples at 8 kHz " +
    "divided by 32768; a longer recording is centre-cropped (from sample ⌊(n−8192)/2⌋), a shorter one zero-padded " +
    "at the end. Output float32 [N,10] scores.",
  modality: "audio",
  contract: {
    input: { elemType: "float32", shape: [null, 1, SPOKEN_DIGITS_CLIP_SAMPLES] },
    output: { elemType: "float32", shape: [null, 10] },
  },
  classes: 10,
  metric: "accuracy",
  qualityFloor: 0.8,
  qualityFloorReason:
    "Each digit is a tenth of the test set, so guessing scores 10 %; a learned filterbank with a linear classifier " +
    "reaches 87.7 % and small 1-D CNNs 96–99 %. 80 % keeps every model that learnt the task and refuses one that did not.",
  batchSize: 256,
  energyClasses: {
    dated: "2026-11-29",
    upperBoundsUj: HALF_DECADE_UPPER_BOUNDS_UJ,
    reason:
      "The half-decade steps of mnist, so a class means the same energy on every task (estimate meter, one thread, " +
      "offline): a null model costs 0.6 µJ per clip, the filterbank + linear model (61 µJ) is E, the 9k-parameter " +
      "CNN (170 µJ) F and the 25k-parameter M5-style CNN (1.0 mJ) G.",
  },
  dataset: {
    name: "Free Spoken Digit Dataset",
    folder: "free-spoken-digit-dataset",
    licence: "CC BY-SA 4.0 (Z. Jackson et al.)",
    citation: "Z. Jackson, C. Souza, J. Flaks, Y. Pan, H. Nicolas and A. Thite, Free Spoken Digit Dataset (FSDD), Zenodo, 2018, doi:10.5281/zenodo.1342401.",
    canonicalUrl: "https://github.com/Jakobovski/free-spoken-digit-dataset/tree/26eb9aaf76e81b692f806f9140c2d2777410d7a1/recordings",
    download: { kind: "files", baseUrl: "https://raw.githubusercontent.com/Jakobovski/free-spoken-digit-dataset/26eb9aaf76e81b692f806f9140c2d2777410d7a1/" },
    files: SPOKEN_DIGITS_TEST_FILES,
  },
};
