// Breast Cancer Wisconsin (diagnostic): 30 measurements of cell nuclei from a fine-needle aspirate, malignant or
// benign. Test set: data rows i with i % 5 == 0 (114 of 569); input the raw values in file order
// (docs/architecture.md, "Tasks").
import type { TaskDefinition } from "../../types";

/** The 30 features in file order: mean, standard error and worst (mean of the three largest) of ten measurements. */
export const BREAST_CANCER_FEATURES = ["mean", "standard error", "worst"].flatMap((statistic) =>
  [
    "radius",
    "texture",
    "perimeter",
    "area",
    "smoothness",
    "compactness",
    "concavity",
    "concave points",
    "symmetry",
    "fractal dimension",
  ].map((measurement) => `${measurement} (${statistic})`),
);

export const breastCancerTask: TaskDefinition = {
  id: "breast-cancer",
  title: "Breast cancer (Wisconsin diagnostic)",
  description:
    "Tell a malignant breast mass from a benign one from 30 measurements of its cell nuclei (radius, texture, area, " +
    "concavity… each as mean, standard error and worst). Input float32 [N,30] of the raw values in file order, no " +
    "scaling; output float32 [N,2] scores, index 0 = malignant, 1 = benign.",
  modality: "tabular",
  contract: {
    input: { elemType: "float32", shape: [null, 30] },
    output: { elemType: "float32", shape: [null, 2] },
  },
  classes: 2,
  metric: "accuracy",
  qualityFloor: 0.9,
  qualityFloorReason:
    "Benign, the majority class, is 74 of the 114 test cases (64.9 %); a threshold on one feature reaches about 92 % " +
    "on the training rows and the baselines 94.7–95.6 %, so 90 % (103 of 114) keeps every model that learnt the task " +
    "and refuses ones that did not.",
  batchSize: 256,
  energyClasses: {
    dated: "2026-11-29",
    upperBoundsUj: [3, 10, 30, 100, 300, 1000],
    reason:
      "The 114 test cases go in one call, so the runtime's fixed cost per call dominates: the null model costs about " +
      "1 µJ per case (estimate meter, one thread) and the three baselines 0.9–1.5 µJ, within its noise. They are all A " +
      "(at most 3 µJ); the half-decade steps above it sort models that do real work per case (tree ensembles, kernel " +
      "machines, wide networks).",
  },
  dataset: {
    name: "Breast Cancer Wisconsin (Diagnostic)",
    folder: "breast-cancer",
    // scikit-learn's copy (BSD-3-Clause) from Debian's python3-sklearn, committed unchanged; data/LICENSE says more.
    bundled: { projectDir: "benchmarks/tasks/breast-cancer/data" },
    licence: "BSD-3-Clause (scikit-learn's copy of the UCI data, W. H. Wolberg, W. N. Street and O. L. Mangasarian)",
    citation:
      "W. N. Street, W. H. Wolberg and O. L. Mangasarian, \"Nuclear feature extraction for breast tumor diagnosis\", " +
      "IS&T/SPIE 1993 International Symposium on Electronic Imaging: Science and Technology, vol. 1905, pp. 861–870, 1993.",
    canonicalUrl: "https://github.com/scikit-learn/scikit-learn/blob/1.2.1/sklearn/datasets/data/breast_cancer.csv",
    files: [{ name: "breast_cancer.csv", sha256: "fed3eb72d0575ef6192293f5093c6e801b1476b577d0386bf4455504522172ed", bytes: 119_913 }],
  },
};
