// Quality metrics of a classifier from its scores: the prediction is the argmax (docs/architecture.md, "Tasks").

/** Argmax of each row of a row-major [rows, classes] score matrix; ties go to the lowest index, NaN never wins. */
export function argmaxRows(scores: ArrayLike<number>, classes: number, out?: Uint8Array, offset = 0): Uint8Array {
  if (classes < 1 || classes > 256) throw new Error(`classes must be 1–256, got ${classes}`);
  if (scores.length % classes !== 0) throw new Error(`${scores.length} scores do not split into rows of ${classes}`);
  const rows = scores.length / classes;
  const predictions = out ?? new Uint8Array(rows);
  for (let row = 0; row < rows; row++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < classes; c++) {
      const score = scores[row * classes + c];
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    predictions[offset + row] = best;
  }
  return predictions;
}

function requireSameLength(predictions: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (predictions.length !== labels.length) throw new Error(`${predictions.length} predictions for ${labels.length} labels`);
  if (labels.length === 0) throw new Error("no labels to score");
}

/** Share of predictions equal to the label (0–1). */
export function accuracy(predictions: ArrayLike<number>, labels: ArrayLike<number>): number {
  requireSameLength(predictions, labels);
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predictions[i] === labels[i]) correct++;
  return correct / labels.length;
}

/**
 * Unweighted mean over classes of F1 = 2·TP / (2·TP + FP + FN). As scikit-learn's f1_score(average="macro"),
 * the mean runs over the classes that occur in the labels or the predictions; a class never seen counts for nothing.
 */
export function macroF1(predictions: ArrayLike<number>, labels: ArrayLike<number>, classes: number): number {
  requireSameLength(predictions, labels);
  const tp = new Float64Array(classes);
  const fp = new Float64Array(classes);
  const fn = new Float64Array(classes);
  for (let i = 0; i < labels.length; i++) {
    const predicted = predictions[i];
    const actual = labels[i];
    if (predicted === actual) tp[actual]++;
    else {
      fp[predicted]++;
      fn[actual]++;
    }
  }
  let sum = 0;
  let counted = 0;
  for (let c = 0; c < classes; c++) {
    const denominator = 2 * tp[c] + fp[c] + fn[c];
    if (denominator === 0) continue;
    sum += (2 * tp[c]) / denominator;
    counted++;
  }
  return counted === 0 ? 0 : sum / counted;
}
