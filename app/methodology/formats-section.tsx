// Section 8 of the methodology: what a result says about how its model is stored, and what quantisation does and
// does not buy on this harness.
import { PRECISION_LABELS, PRECISIONS } from "@/lib/leaderboard/model-format";
import { Section } from "./section";

export function FormatsSection() {
  return (
    <Section id="formats" title="8. Model formats: parameters, precision, quantisation">
      <p>
        Every result says how its model is stored, read from the ONNX graph by the validator (the submitter states nothing):
      </p>
      <ul className="list-disc space-y-2 pl-5">
        <li>
          <strong>Parameters</strong>: the weights as a dense model holds them — initializers, tensors in <code>Constant</code> nodes,
          sparse initializers at their full shape, <code>MatMulNBits</code>&apos; 4-bit weights (K × N), and the learnt values of
          scikit-learn models (linear coefficients; a tree&apos;s branch thresholds and leaf values, not its structure). Quantisation
          scales and zero points describe how weights are stored and are not counted. <strong>Non-zero parameters</strong> count the
          stored values that are not zero (for a quantised weight: not its zero point), so a pruned model shows what it kept.
        </li>
        <li>
          <strong>Precision</strong>: the format that holds at least 90 % of the weights of the matrix-like operators (MatMul, Gemm,
          Conv, their quantised forms, recurrent cells, embeddings, linear and tree models), otherwise <em>mixed</em>. A float32 scaler,
          bias or norm kept beside int8 or float16 matrices does not change it. Values:{" "}
          {PRECISIONS.map((p, i) => (
            <span key={p}>
              {i > 0 ? ", " : ""}
              <code>{p}</code> ({PRECISION_LABELS[p]})
            </span>
          ))}
          . <em>int8 (QDQ)</em> is the QuantizeLinear/DequantizeLinear layout (float operators between them, which onnxruntime fuses
          into integer kernels where it can); <em>int8 (QOperator)</em> uses integer operators directly (QLinearMatMul, MatMulInteger,
          the layout of dynamic quantisation too).
        </li>
        <li>
          <strong>onnxruntime operators</strong>: the model uses operators compiled into onnxruntime itself (domain{" "}
          <code>com.microsoft</code>, e.g. skl2onnx&apos;s Tokenizer or MatMulNBits). Each one on the allow-list was loaded and run on
          onnxruntime-node 1.30 by a test; other runtimes do not have them, so such a figure holds for onnxruntime only.
        </li>
      </ul>
      <p>
        <strong>What quantisation buys here.</strong> The harness runs one CPU thread. A smaller number format shrinks the file and,
        for static quantisation, the memory the model holds; it does not by itself lower the energy per inference, because the cost of
        a small model on one thread is dominated by the runtime&apos;s work per call (and quantising and dequantising activations adds
        operators). Measured by the reporter of issue #14 on this harness: static int8 QDQ lowered a model&apos;s memory from 30 to
        14.5 MiB but not its energy; weight-only (4-bit) and dynamic quantisation cost 2–7× the energy of the float model. On the
        30-16-2 test MLP committed with the validator&apos;s tests (estimate meter, a shared two-core machine, window CV up to 21 %),
        every variant cost more than float32 (0.90 µJ per inference offline) at the same 96.5 % accuracy: float16 1.2×, int4 1.3×,
        int8 QDQ 1.6×, dynamic int8 2.0×, int8 QOperator 2.5×. Dynamic
        quantisation also scales each batch&apos;s activations by that batch&apos;s own range, so a sample&apos;s scores can depend on
        the batch it ran in. Submit the quantised model beside the float one and let the board compare them.
      </p>
    </Section>
  );
}
