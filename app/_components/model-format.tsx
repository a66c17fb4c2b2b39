// How a result's model is stored, as boards and model pages show it: its precision, and a mark when it needs
// onnxruntime's own operators (its figures cannot be reproduced on another runtime).
import { PRECISION_LABELS, type Precision } from "@/lib/leaderboard/model-format";

export function PrecisionLabel({ precision, onnxruntimeOnly }: { precision: Precision | null; onnxruntimeOnly: boolean }) {
  return (
    <span data-precision={precision ?? "unknown"}>
      {precision ? PRECISION_LABELS[precision] : <span className="text-slate-400" title="Recorded before precision was detected">–</span>}
      {onnxruntimeOnly ? (
        <span className="ml-1 text-xs text-amber-800 dark:text-amber-300" title="Uses onnxruntime's own com.microsoft operators: no other runtime runs this model">
          onnxruntime operators
        </span>
      ) : null}
    </span>
  );
}
