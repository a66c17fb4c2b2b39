import { describe, expect, it } from "vitest";
import { METER_KINDS } from "../benchmarks/meters/meter-kinds";
import { parseBenchArgs, UsageError } from "./bench-args";

describe("frugalboard bench arguments", () => {
  it("passes every flag to the harness options", () => {
    const args = parseBenchArgs([
      "model.onnx",
      "--task",
      "mnist",
      "--json",
      "--windows",
      "7",
      "--window-s",
      "0.25",
      "--threads",
      "2",
      "--meter",
      "rapl",
      "--time-limit-s",
      "90",
      "--memory-limit-mb",
      "512",
      "--batch",
      "64",
    ]);
    expect(args).toEqual({
      json: true,
      options: { task: "mnist", modelPath: "model.onnx", windows: 7, offlineBatchSize: 64, windowS: 0.25, intraOpThreads: 2, meter: "rapl", timeLimitS: 90, memoryLimitMb: 512 },
    });
  });

  it("leaves unset flags to the harness defaults", () => {
    expect(parseBenchArgs(["m.onnx", "--task=mnist"])).toEqual({
      json: false,
      options: { task: "mnist", modelPath: "m.onnx", windows: undefined, offlineBatchSize: undefined, windowS: undefined, intraOpThreads: undefined, meter: undefined, timeLimitS: undefined, memoryLimitMb: undefined },
    });
  });

  it("accepts each meter kind for --meter", () => {
    for (const kind of METER_KINDS) expect(parseBenchArgs(["m.onnx", "--task", "mnist", "--meter", kind]).options.meter).toBe(kind);
  });

  it("refuses bad flags with a message that names them", () => {
    const refusals: [string[], string][] = [
      [["m.onnx", "--task", "mnist", "--bogus"], "Unknown option '--bogus'"],
      [["m.onnx"], "One model file and --task are required."],
      [["--task", "mnist"], "One model file and --task are required."],
      [["a.onnx", "b.onnx", "--task", "mnist"], "One model file and --task are required."],
      [["m.onnx", "--task", "mnist", "--windows", "2.5"], '--windows must be a whole number above 0, got "2.5".'],
      [["m.onnx", "--task", "mnist", "--batch", "0"], '--batch must be a whole number above 0, got "0".'],
      [["m.onnx", "--task", "mnist", "--threads", "0"], '--threads must be a whole number above 0, got "0".'],
      [["m.onnx", "--task", "mnist", "--window-s", "soon"], '--window-s must be a number above 0, got "soon".'],
      [["m.onnx", "--task", "mnist", "--time-limit-s=-1"], '--time-limit-s must be a number above 0, got "-1".'],
      [["m.onnx", "--task", "mnist", "--memory-limit-mb", ""], '--memory-limit-mb must be a number above 0, got "".'],
      [["m.onnx", "--task", "mnist", "--meter", "nvml"], '--meter must be rapl or estimate, got "nvml".'],
    ];
    for (const [argv, message] of refusals) {
      expect(() => parseBenchArgs(argv)).toThrow(UsageError);
      expect(() => parseBenchArgs(argv)).toThrow(message);
    }
  });
});
