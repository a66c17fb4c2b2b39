import { describe, expect, it } from "vitest";
import { EXPORTED_CASES, exportedBytes } from "../../benchmarks/onnx/testing/exported-cases";
import { validateModel } from "../../benchmarks/onnx/validate";
import { listTasks } from "../../benchmarks/tasks/catalog";
import { exportSnippets } from "./export-snippets";

const task = (id: string) => listTasks().find((t) => t.id === id)!;

describe("exportSnippets", () => {
  it("exports the exact input shape with a dynamic batch for every tensor task", () => {
    expect(exportSnippets(task("mnist"))[0].code).toContain("torch.zeros(1, 1, 28, 28)");
    expect(exportSnippets(task("spoken-digits"))[0].code).toContain("torch.zeros(1, 1, 8192)");
    expect(exportSnippets(task("breast-cancer"))[0].code).toContain("torch.zeros(1, 30)");
    for (const t of listTasks().filter((t) => t.contract.input.elemType === "float32")) {
      const [torchSnippet] = exportSnippets(t);
      expect(torchSnippet.code).toContain('dynamic_axes={"input": {0: "N"}, "scores": {0: "N"}}');
    }
  });

  it("goes through PyTorch for image and audio inputs, and through skl2onnx for tabular ones", () => {
    expect(exportSnippets(task("mnist"))[1].code).toContain("torch.nn.Linear(784, 10)");
    const tabular = exportSnippets(task("breast-cancer"))[1].code;
    expect(tabular).toContain('initial_types=[("input", FloatTensorType([None, 30]))]');
    expect(tabular).toContain('options={id(clf): {"zipmap": False}}');
  });

  it("gives text tasks skl2onnx's vectoriser pipeline, raw strings in", () => {
    const [snippet] = exportSnippets(task("sms-spam"));
    expect(snippet.code).toContain('initial_types=[("input", StringTensorType([None]))]');
    expect(snippet.code).toContain('{"zipmap": False}');
    expect(snippet.code).toContain("onnxruntime operators");
  });

  it("shows quantisation and float16 for every tensor task, with the arguments that give the contract", () => {
    for (const t of listTasks().filter((t) => t.contract.input.elemType === "float32")) {
      const codes = exportSnippets(t).map((s) => s.code).join("\n");
      expect(codes).toContain("quant_format=QuantFormat.QDQ");
      expect(codes).toContain("quantize_dynamic(");
      expect(codes).toContain("MatMul4BitsQuantizer(");
      expect(codes).toContain("keep_io_types=True");
    }
  });

  it("ends every guide with the check to run before submitting", () => {
    for (const t of listTasks()) {
      for (const snippet of exportSnippets(t)) expect(snippet.code).toMatch(new RegExp(`npx frugalboard check \\S+\\.onnx --task ${t.id}$`));
    }
  });

  // Each guide's layout is a committed file (written by benchmarks/onnx/testing/exported/generate.py): the
  // validator accepts it, with the precision the guide announces.
  it("is backed by an exported file that the validator accepts with the announced precision", () => {
    const guides = listTasks().flatMap((t) => exportSnippets(t));
    const backing = new Map(guides.flatMap((g) => g.backedBy).map((b) => [b.file, b.precision]));
    expect(backing.size).toBeGreaterThanOrEqual(9);
    for (const [file, precision] of backing) {
      const c = EXPORTED_CASES.find((x) => x.file === file);
      expect(c?.accepted, file).toBe(true);
      expect({ file, precision: validateModel(exportedBytes(file), task(c!.task)).precision }).toEqual({ file, precision });
    }
  });
});
