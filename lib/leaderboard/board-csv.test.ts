import { describe, expect, it } from "vitest";
import { listTasks } from "../../benchmarks/tasks/catalog";
import type { TaskDefinition } from "../../benchmarks/types";
import { boardToCsv, csvCell, BOARD_CSV_COLUMNS } from "./board-csv";
import { boardTask, type Board } from "./get-board";
import { rankBoard } from "./rank-board";

/** The board of hardware profile hw1 on the estimate meter, with these entries. */
function boardOf(task: TaskDefinition, entries: Board["entries"], precisions: Board["precisions"]): Board {
  return { task: boardTask(task), scenario: "offline", hardwareProfileId: "hw1", meter: "estimate", profile: null, profiles: [], starsScale: "log", entries, precision: null, precisions };
}

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
          publishedCi95J: [37e-6, 39e-6],
          accuracyPerJoule: 0.95 / 38e-6,
          modelMemoryBytes: 1024,
          fileBytes: 2048,
          paramCount: 100,
          latencyP50Ms: 0.5,
          offlineBatchSize: 64,
          batchFixed: false,
          meter: "estimate",
          estimated: true,
          unstable: false,
          finishedAt: "2026-11-29T00:00:00.000Z",
        },
      ],
      { qualityFloor: 0.9, energyClasses: task.energyClasses },
    );
    const entries = ranked.map((entry) => ({ ...entry, precision: "int8-qdq" as const, nonZeroParamCount: 90, onnxruntimeOnly: true }));
    const board = boardOf(task, entries.map((entry) => ({ ...entry, publishedCi95J: [36e-6, 40e-6] as [number, number], betweenRunHalfWidth95: 0.04 })), ["int8-qdq"]);
    const csv = boardToCsv(board);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(BOARD_CSV_COLUMNS.join(","));
    expect(lines[1]).toContain(`"'=cmd|"" /C calc""!A0, ""quoted"""`);
    expect(lines[1].startsWith("1,evil-model,")).toBe(true);
    expect(lines[1]).toContain(",38,37,39,"); // µJ, CI low, CI high (floating point rounds to these)
    expect(lines[1]).toContain(",0.5,64,false,estimate,"); // latency, the offline batch, not fixed, meter
    expect(lines[1].endsWith(",36,40,0.04,int8-qdq,90,true")).toBe(true); // published interval (µJ), between-run half-width, precision, non-zero params, onnxruntime only
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(3);
  });

  it("writes a shared rank as =3, kept as text so a spreadsheet does not compute it", () => {
    const task = listTasks()[0];
    const at = (slug: string, energyPerInferenceJ: number) => ({
      modelSlug: slug,
      modelName: slug,
      submissionId: `s-${slug}`,
      accuracy: 0.95,
      macroF1: 0.95,
      energyPerInferenceJ,
      energyCi95J: [energyPerInferenceJ * 0.97, energyPerInferenceJ * 1.03] as [number, number],
      publishedCi95J: [energyPerInferenceJ * 0.97, energyPerInferenceJ * 1.03] as [number, number],
      accuracyPerJoule: 0.95 / energyPerInferenceJ,
      modelMemoryBytes: 1,
      fileBytes: 1,
      paramCount: 1,
      latencyP50Ms: 1,
      offlineBatchSize: 1,
      batchFixed: true,
      meter: "estimate",
      estimated: true,
      unstable: false,
      finishedAt: "2026-11-29T00:00:00.000Z",
    });
    // 10 and 12 µJ are apart; 20 and 20.5 µJ overlap (±3 %): ranks 1, 2, =3, =3.
    const entries = rankBoard([at("a", 10e-6), at("b", 12e-6), at("c", 20e-6), at("d", 20.5e-6)], { qualityFloor: 0.9, energyClasses: task.energyClasses });
    const board = boardOf(task, entries.map((entry) => ({ ...entry, betweenRunHalfWidth95: null, precision: null, nonZeroParamCount: null, onnxruntimeOnly: false })), []);
    const rows = boardToCsv(board).split("\r\n").slice(1, -1);
    expect(rows.map((row) => row.split(",").slice(0, 2).join(","))).toEqual(["1,a", "2,b", "'=3,c", "'=3,d"]);
    const column = (name: string) => BOARD_CSV_COLUMNS.indexOf(name as (typeof BOARD_CSV_COLUMNS)[number]);
    expect(rows.map((row) => [row.split(",")[column("offline_batch")], row.split(",")[column("batch_fixed")]])).toEqual(Array(4).fill(["1", "true"]));
  });
});
