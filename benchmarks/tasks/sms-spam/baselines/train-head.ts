// Trains the classifier head of an sms-spam baseline on sparse rows: softmax regression, or one ReLU hidden layer.
// Plain float64 JavaScript with seeded initialisation and shuffling, so the same data gives the same weights on
// every machine (no BLAS, no threads).
import { pseudoRandom } from "../../../onnx/testing/build-model";
import type { TextHead } from "./text-graph";

/** One message's features: the non-zero columns and their values. */
export interface SparseRow {
  columns: Int32Array;
  values: Float32Array;
}

export interface HeadOptions {
  features: number;
  /** 0 for softmax regression, else the width of one ReLU hidden layer. */
  hidden: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** L2 penalty on the weights (not the biases), per example. */
  weightDecay: number;
  seed: number;
}

const CLASSES = 2;

interface Layer {
  inputs: number;
  outputs: number;
  weight: Float64Array;
  bias: Float64Array;
}

/** Adam (Kingma and Ba, 2015) state for one parameter array. */
class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;
  constructor(private readonly params: Float64Array, private readonly lr: number) {
    this.m = new Float64Array(params.length);
    this.v = new Float64Array(params.length);
  }
  step(grad: Float64Array): void {
    this.t++;
    const c1 = 1 - 0.9 ** this.t;
    const c2 = 1 - 0.999 ** this.t;
    for (let i = 0; i < grad.length; i++) {
      this.m[i] = 0.9 * this.m[i] + 0.1 * grad[i];
      this.v[i] = 0.999 * this.v[i] + 0.001 * grad[i] * grad[i];
      this.params[i] -= (this.lr * (this.m[i] / c1)) / (Math.sqrt(this.v[i] / c2) + 1e-8);
    }
  }
}

function layer(inputs: number, outputs: number, seed: number): Layer {
  // Uniform ±1/√inputs, as PyTorch's nn.Linear initialises.
  return { inputs, outputs, weight: Float64Array.from(pseudoRandom(inputs * outputs, seed, 1 / Math.sqrt(inputs))), bias: new Float64Array(outputs) };
}

/** Fisher–Yates with a mulberry32 stream. */
function shuffled(count: number, seed: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const random = pseudoRandom(count, seed, 1);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(((random[i] + 1) / 2) * (i + 1)) % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

export function trainHead(rows: SparseRow[], labels: Uint8Array, options: HeadOptions): TextHead {
  const first = layer(options.features, options.hidden || CLASSES, options.seed);
  const second = options.hidden ? layer(options.hidden, CLASSES, options.seed + 1) : undefined;
  const layers = second ? [first, second] : [first];
  const grads = layers.map((l) => ({ weight: new Float64Array(l.weight.length), bias: new Float64Array(l.bias.length) }));
  const optimisers = layers.flatMap((l) => [new Adam(l.weight, options.learningRate), new Adam(l.bias, options.learningRate)]);
  const width = first.outputs;
  const hiddenPre = new Float64Array(width);
  const hiddenOut = new Float64Array(width);
  const logits = new Float64Array(CLASSES);
  const dLogits = new Float64Array(CLASSES);
  const dHidden = new Float64Array(width);

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const order = shuffled(rows.length, options.seed * 1000 + epoch);
    for (let start = 0; start < order.length; start += options.batchSize) {
      const batch = order.slice(start, start + options.batchSize);
      for (const g of grads) {
        g.weight.fill(0);
        g.bias.fill(0);
      }
      for (const index of batch) {
        const row = rows[index];
        // forward: first layer on the sparse row
        hiddenPre.set(first.bias);
        for (let k = 0; k < row.columns.length; k++) {
          const base = row.columns[k] * width;
          for (let j = 0; j < width; j++) hiddenPre[j] += row.values[k] * first.weight[base + j];
        }
        if (second) {
          for (let j = 0; j < width; j++) hiddenOut[j] = Math.max(0, hiddenPre[j]);
          logits.set(second.bias);
          for (let j = 0; j < width; j++) for (let c = 0; c < CLASSES; c++) logits[c] += hiddenOut[j] * second.weight[j * CLASSES + c];
        } else logits.set(hiddenPre);
        // softmax cross-entropy: d/dlogits = softmax − one-hot
        const top = Math.max(...logits);
        let sum = 0;
        for (let c = 0; c < CLASSES; c++) sum += Math.exp(logits[c] - top);
        for (let c = 0; c < CLASSES; c++) dLogits[c] = Math.exp(logits[c] - top) / sum - (c === labels[index] ? 1 : 0);
        // backward
        let dFirst: Float64Array = dLogits;
        if (second) {
          const g = grads[1];
          for (let c = 0; c < CLASSES; c++) g.bias[c] += dLogits[c];
          for (let j = 0; j < width; j++) {
            let d = 0;
            for (let c = 0; c < CLASSES; c++) {
              g.weight[j * CLASSES + c] += hiddenOut[j] * dLogits[c];
              d += second.weight[j * CLASSES + c] * dLogits[c];
            }
            dHidden[j] = hiddenPre[j] > 0 ? d : 0;
          }
          dFirst = dHidden;
        }
        const g = grads[0];
        for (let j = 0; j < width; j++) g.bias[j] += dFirst[j];
        for (let k = 0; k < row.columns.length; k++) {
          const base = row.columns[k] * width;
          for (let j = 0; j < width; j++) g.weight[base + j] += row.values[k] * dFirst[j];
        }
      }
      layers.forEach((l, i) => {
        const g = grads[i];
        for (let p = 0; p < g.weight.length; p++) g.weight[p] = g.weight[p] / batch.length + options.weightDecay * l.weight[p];
        for (let p = 0; p < g.bias.length; p++) g.bias[p] /= batch.length;
        optimisers[2 * i].step(g.weight);
        optimisers[2 * i + 1].step(g.bias);
      });
    }
  }
  return {
    layers: layers.map((l) => ({ inputs: l.inputs, outputs: l.outputs, weight: Float32Array.from(l.weight), bias: Float32Array.from(l.bias) })),
  };
}
