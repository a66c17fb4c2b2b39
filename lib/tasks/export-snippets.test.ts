import { describe, expect, it } from "vitest";
import { listTasks } from "../../benchmarks/tasks/catalog";
import { exportSnippets } from "./export-snippets";

const task = (id: string) => listTasks().find((t) => t.id === id)!;

describe("exportSnippets", () => {
  it("exports the exact input shape with a dynamic batch for every tensor task", () => {
    expect(exportSnippets(task("mnist"))[0].code).toContain("torch.zeros(1, 1, 28, 28)");
    expect(exportSnippets(task("spoken-digits"))[0].code).toContain("torch.zeros(1, 1, 8192)");
    expect(exportSnippets(task("breast-cancer"))[0].code).toContain("torch.zeros(1, 30)");
    for (const t of listTasks().filter((t) => t.contract.input.elemType === "float32")) {
      const [torchSnippet, sklearnSnippet] = exportSnippets(t);
      expect(torchSnippet.code).toContain('dynamic_axes={"input": {0: "N"}, "scores": {0: "N"}}');
      expect(sklearnSnippet.code).toContain(`torch.nn.Linear(${t.contract.input.shape.slice(1).reduce((n, d) => n! * d!, 1)}, ${t.classes})`);
    }
  });

  it("gives two-class tasks a two-column score matrix from a binary logistic regression", () => {
    expect(exportSnippets(task("breast-cancer"))[1].code).toContain("concatenate([-clf.coef_, clf.coef_])");
  });

  it("tells text tasks to keep tokenisation in standard ONNX operators", () => {
    const [snippet] = exportSnippets(task("sms-spam"));
    expect(snippet.code).toContain("StringSplit");
    expect(snippet.code).toContain('locale="C.UTF-8"');
  });
});
