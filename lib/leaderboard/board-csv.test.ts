import { describe, expect, it } from "vitest";
import { listTasks } from "../../benchmarks/tasks/catalog";
import { boardToCsv, csvCell, BOARD_CSV_COLUMNS } from "./board-csv";
import { boardTask, type Board } from "./get-board";
import { withFormats } from "./model-format";
import { rankBoard } from "./rank-board";

describe("csvCell", () => {
  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\",\"x\")")).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
  });

  it("quotes commas, quotes and line breaks, and leaves plain text alone", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell("mnist-cnn")).toBe("mnist-cnn");
    expect(csvCell(0.979)).toBe("0.979");
    expect(csvCell(null)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(true)).toBe("true");
  });
});

describe("boardToCsv", () => {
  it("writes a header and one CRLF-ended row per entry, with hostile names made safe", () => {
    const task = listTasks()[0];
    const ranked = rankBoard(
      [
        {
          modelSlug: "evil-model",
          modelName: '=cmd|" /C calc"!A0, "quoted"',
          submissionId: "s1",
          accuracy: 0.95,
          macroF1: 0.94,
          energyPerInferenceJ: 38e-6,
          energyCi95J: [37e-6, 39e-6],
          accuracyPerJoule: 0.95 / 38e-6,
          modelMemoryBytes: 1024,
          fileBytes: 2048,
          paramCount: 100,
          latencyP50Ms: 0.5,
          meter: "estimate",
          estimated: true,
          unstable: false,
          finishedAt: "2026-11-29T00:00:00.000Z",
        },
      ],
      { qualityFloor: 0.9, energyClasses: task.energyClasses },
    );
    const entries = withFormats(ranked, new Map([["s1", { precision: "int8-qdq", nonZeroParamCount: 90, onnxruntimeOnly: true }]]));
    const board: Board = {
      task: boardTask(task),
      scenario: "offline",
      hardwareProfileId: "hw1",
      meter: "estimate",
      profile: null,
      profiles: [],
      starsScale: "log",
      entries,
      precision: null,
      precisions: ["int8-qdq"],
    };
    const csv = boardToCsv(board);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(BOARD_CSV_COLUMNS.join(","));
    expect(lines[1]).toContain(`"'=cmd|"" /C calc""!A0, ""quoted"""`);
    expect(lines[1].startsWith("1,evil-model,")).toBe(true);
    expect(lines[1]).toContain(",38,37,39,"); // µJ, CI low, CI high (floating point rounds to these)
    expect(lines[1].endsWith(",int8-qdq,90,true")).toBe(true); // precision, non-zero params, onnxruntime only
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(3);
  });
});
