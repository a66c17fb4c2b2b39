// Smaller numbers for an exported float32 model: onnxruntime's quantisers and the float16 converter, as the task
// pages show them. What they buy on this harness (one CPU thread) is on the methodology page (#formats).
import type { TaskDefinition } from "../../benchmarks/types";
import { checkLine, type ExportSnippet } from "./snippet";

export function quantisationSnippets(task: TaskDefinition): ExportSnippet[] {
  const shape = `[1, ${task.contract.input.shape.slice(1).join(", ")}]`;
  return [
    {
      language: "python",
      title: "int8 with onnxruntime's quantiser (static QDQ or QOperator, dynamic)",
      code: `from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_dynamic, quantize_static

class Calibration(CalibrationDataReader):  # a few hundred training inputs, float32 ${shape} each
    def __init__(self, xs): self.xs = iter(xs)
    def get_next(self): x = next(self.xs, None); return None if x is None else {"input": x}

# Static: activations' ranges from the calibration set. QDQ keeps float operators between Quantize/DequantizeLinear;
# QOperator writes QLinearMatMul / QLinearConv. Boards show "int8 (QDQ)" or "int8 (QOperator)".
quantize_static("model.onnx", "model-int8.onnx", Calibration(calibration_inputs),
                quant_format=QuantFormat.QDQ, activation_type=QuantType.QInt8, weight_type=QuantType.QInt8)
# Dynamic: int8 weights, activations quantised per call from each batch's own range (scores can depend on the batch).
quantize_dynamic("model.onnx", "model-dynamic.onnx", weight_type=QuantType.QInt8)
${checkLine(task, "model-int8.onnx")}`,
      backedBy: [
        { file: "onnxruntime-int8-qdq.onnx", precision: "int8-qdq" },
        { file: "onnxruntime-int8-qoperator.onnx", precision: "int8-qoperator" },
        { file: "onnxruntime-int8-dynamic.onnx", precision: "int8-qoperator" },
      ],
    },
    {
      language: "python",
      title: "int4 weights (onnxruntime's MatMul4BitsQuantizer)",
      code: `import onnx
from onnxruntime.quantization.matmul_4bits_quantizer import MatMul4BitsQuantizer

quantizer = MatMul4BitsQuantizer(onnx.load("model.onnx"), block_size=32, is_symmetric=True)
quantizer.process()
quantizer.model.save_model_to_file("model-int4.onnx")
# MatMul becomes com.microsoft MatMulNBits (built into onnxruntime): "int4", marked "onnxruntime operators".
${checkLine(task, "model-int4.onnx")}`,
      backedBy: [{ file: "onnxruntime-int4-matmulnbits.onnx", precision: "int4" }],
    },
    {
      language: "python",
      title: "float16 (onnxconverter-common)",
      code: `import onnx
from onnxconverter_common import float16

# keep_io_types=True: the input and the scores stay float32 (the contract), with a Cast inside at each end.
# Without it the converter makes them float16 too, and the file is refused (rules input-type and output-type).
onnx.save(float16.convert_float_to_float16(onnx.load("model.onnx"), keep_io_types=True), "model-fp16.onnx")
${checkLine(task, "model-fp16.onnx")}`,
      backedBy: [{ file: "float16-keep-io-types.onnx", precision: "fp16" }],
    },
  ];
}
