// Fashion-MNIST: Zalando's article images, the official 10,000-image test set, pixel/255 in [N,1,28,28]
// (docs/architecture.md, "Tasks"). The contract is MNIST's, so a model made for one runs on the other.
import type { TaskDefinition } from "../../types";
import { GREYSCALE_28_CONTRACT, HALF_DECADE_UPPER_BOUNDS_UJ } from "../shared-facts";

/** Class names by label, as in the dataset's README. */
export const FASHION_MNIST_CLASSES = [
  "T-shirt/top",
  "Trouser",
  "Pullover",
  "Dress",
  "Coat",
  "Sandal",
  "Shirt",
  "Sneaker",
  "Bag",
  "Ankle boot",
] as const;

export const fashionMnistTask: TaskDefinition = {
  id: "fashion-mnist",
  title: "Fashion-MNIST",
  description:
    "Classify 28×28 greyscale images of clothing into 10 classes (T-shirt/top, trouser, pullover, dress, coat, sandal, " +
    "shirt, sneaker, bag, ankle boot). Input float32 [N,1,28,28] of pixel/255; output float32 [N,10] scores.",
  modality: "image",
  contract: GREYSCALE_28_CONTRACT,
  classes: 10,
  metric: "accuracy",
  qualityFloor: 0.8,
  qualityFloorReason:
    "Every class is 10 % of the test set and a linear model reaches 83 % (the MLP and the small CNN 88 %), so 80 % " +
    "keeps every model that learnt at least what a linear one does and refuses ones that did not.",
  batchSize: 256,
  energyClasses: {
    dated: "2026-11-29",
    upperBoundsUj: HALF_DECADE_UPPER_BOUNDS_UJ,
    reason:
      "The bins of mnist, whose input contract and test-set size are the same, so one class means one cost on both. " +
      "First baselines (estimate meter, one thread): a logistic regression at about 2.4 µJ per image is B, a " +
      "50k-parameter MLP about 4.7 µJ is C, a 9k-parameter CNN about 77 µJ is E; the null model costs about 0.5 µJ.",
  },
  dataset: {
    name: "Fashion-MNIST",
    folder: "fashion-mnist",
    // Committed test files (MIT), decompressed from Debian's dataset-fashion-mnist; data/LICENSE says where from.
    bundled: { projectDir: "benchmarks/tasks/fashion-mnist/data" },
    licence: "MIT (Zalando SE)",
    citation:
      "H. Xiao, K. Rasul and R. Vollgraf, \"Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning " +
      "Algorithms\", arXiv:1708.07747, 2017.",
    canonicalUrl: "https://github.com/zalandoresearch/fashion-mnist",
    files: [
      { name: "t10k-images-idx3-ubyte", sha256: "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", bytes: 7_840_016 },
      { name: "t10k-labels-idx1-ubyte", sha256: "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34", bytes: 10_008 },
    ],
  },
};
