// What to do about a contract break, said for the tool that most likely wrote the file: a fix that names
// torch.onnx.export's arguments is no help to someone converting with skl2onnx.
import type { onnx } from "onnx-proto";

export const EXPORTERS = ["pytorch", "skl2onnx", "tf2onnx", "other"] as const;
export type Exporter = (typeof EXPORTERS)[number];

/** The exporter from producer_name, which each of them writes ("pytorch", "skl2onnx", "tf2onnx"). */
export function detectExporter(model: onnx.IModelProto): Exporter {
  const producer = (model.producerName ?? "").toLowerCase();
  if (producer.includes("pytorch") || producer.includes("torch")) return "pytorch";
  if (producer.includes("skl2onnx") || producer.includes("onnxmltools")) return "skl2onnx";
  if (producer.includes("tf2onnx") || producer.includes("keras2onnx")) return "tf2onnx";
  return "other";
}

export const BREAK_KINDS = [
  "inputs",
  "outputs",
  "zipmap",
  "float16-io",
  "input-type",
  "output-type",
  "no-shape",
  "input-shape",
  "fixed-batch",
  "output-shape",
  "output-name",
] as const;
export type BreakKind = (typeof BREAK_KINDS)[number];

type Fixes = { other: string } & Partial<Record<Exporter, string>>;

const FLOAT16_FIX =
  "The float16 converter changed the graph's inputs and outputs too: convert with " +
  "onnxconverter_common.float16.convert_float_to_float16(model, keep_io_types=True), which keeps them float32 " +
  "and casts inside the graph (or add a Cast node at each end).";

const FIXES: Record<BreakKind, Fixes> = {
  inputs: {
    other: "Make the other inputs constants (initializers) or compute them inside the graph.",
    pytorch: "Give forward() one tensor argument and pass one example input to torch.onnx.export; make the rest buffers or constants.",
    skl2onnx: "Convert with a single initial type, e.g. initial_types=[('input', FloatTensorType([None, n_features]))], and put column selection inside the pipeline.",
    tf2onnx: "Export a signature with one input (input_signature=[tf.TensorSpec(...)]).",
  },
  outputs: {
    other: "Keep only the scores output (remove the others from graph.output); skl2onnx's int64 label output may stay beside it (convert with options={id(model): {'zipmap': False}}).",
    pytorch: "Return only the scores tensor from forward() and name it with output_names=['scores'].",
    skl2onnx: "A classifier's two outputs (int64 label [N], float32 probabilities [N,C]) are accepted as they are; convert with options={id(model): {'zipmap': False}} and no other outputs.",
    tf2onnx: "Convert with only the scores output (--outputs scores:0).",
  },
  zipmap: {
    other: "Return the probabilities as a float32 tensor, not a sequence of maps (skl2onnx: convert with options={id(model): {'zipmap': False}}).",
    skl2onnx: "Convert with options={id(model): {'zipmap': False}} so the probabilities come out as a float32 [N,C] tensor.",
  },
  "float16-io": { other: FLOAT16_FIX },
  "input-type": {
    other: "Make the exported graph take that type (export with an example input of that type, or add a Cast after the input).",
    pytorch: "Export with an example input of that type (e.g. torch.randn(..., dtype=torch.float32)) after model.float().",
    skl2onnx: "Convert with initial_types of that type: FloatTensorType for float32 (not DoubleTensorType), StringTensorType for text.",
    tf2onnx: "Export with input_signature=[tf.TensorSpec(shape, tf.float32)] (or tf.string for text).",
  },
  "output-type": {
    other: "Make the graph's last node give float32 scores (add a Cast if needed).",
    pytorch: "Return float32 scores from forward() (e.g. logits.float()).",
    skl2onnx: "Convert with FloatTensorType inputs so the probabilities are float32 (DoubleTensorType gives float64).",
    tf2onnx: "Cast the scores to tf.float32 before the model's output.",
  },
  "no-shape": {
    other: "Export the model with a shape (from an example input of that shape, with the batch axis marked dynamic).",
    skl2onnx: "Give initial_types a shape, e.g. FloatTensorType([None, n_features]).",
  },
  "input-shape": {
    other: "Reshape the input in the exported graph (export with an example input of that shape).",
    pytorch: "Export with an example input of exactly that shape (batch first) and dynamic_axes={input_name: {0: 'N'}}.",
    skl2onnx: "Convert with initial_types=[('input', FloatTensorType([None, n_features]))] using the task's feature count.",
    tf2onnx: "Export with input_signature=[tf.TensorSpec([None, ...], tf.float32)] in the task's shape.",
  },
  "fixed-batch": {
    other: "Export with a dynamic batch axis, or with batch 1.",
    pytorch: "Export with a dynamic batch axis: torch.onnx.export(..., dynamic_axes={input_name: {0: 'N'}, output_name: {0: 'N'}}).",
    skl2onnx: "Use None as the first dimension: FloatTensorType([None, n_features]).",
    tf2onnx: "Use None as the batch dimension in input_signature.",
  },
  "output-shape": {
    other: "Make the last layer give one score per class, batch first.",
    pytorch: "Make the last layer give one score per class (nn.Linear(..., classes)), batch first, and mark the output's batch axis dynamic.",
    skl2onnx: "Train on all the task's classes, so predict_proba gives one column per class.",
  },
  "output-name": {
    other: "Name the output after the last node's output (export again; do not rename outputs by hand).",
    pytorch: "Export with output_names=['scores'].",
  },
};

export function fixFor(kind: BreakKind, exporter: Exporter): string {
  return FIXES[kind][exporter] ?? FIXES[kind].other;
}
