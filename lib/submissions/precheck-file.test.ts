import { describe, expect, it } from "vitest";
import { baselineBytes } from "../testing/fixtures";
import { precheckModelFile } from "./precheck-file";

const MiB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);

describe("precheckModelFile", () => {
  it("lets real ONNX files through (ir_version first)", () => {
    for (const file of ["mnist-logreg.onnx", "mnist-cnn.onnx"]) {
      const bytes = baselineBytes(file);
      expect(precheckModelFile(bytes.subarray(0, 16), bytes.byteLength, 50 * MiB)).toBeNull();
    }
  });

  it("accepts any ModelProto field first, with its wire type, including a two-byte tag", () => {
    expect(precheckModelFile(new Uint8Array([0x3a, 0x00]), 2, MiB)).toBeNull(); // field 7 (graph), length-delimited
    expect(precheckModelFile(new Uint8Array([0xca, 0x01]), 2, MiB)).toBeNull(); // field 25 (functions)
    expect(precheckModelFile(new Uint8Array([0x38, 0x00]), 2, MiB)).toMatch(/does not start like an ONNX model/); // field 7 as a varint
  });

  it("refuses empty and oversized files with the limit", () => {
    expect(precheckModelFile(new Uint8Array(), 0, MiB)).toMatch(/empty/);
    expect(precheckModelFile(new Uint8Array([0x08, 0x07]), 3 * MiB, 2 * MiB)).toBe("The file is 3.0 MiB; the limit is 2.0 MiB.");
  });

  it("names the usual wrong files and says to export to ONNX", () => {
    expect(precheckModelFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), 100, MiB)).toMatch(/zip archive .*PyTorch.*export the model to ONNX/);
    expect(precheckModelFile(new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d]), 100, MiB)).toMatch(/HDF5/);
    expect(precheckModelFile(new Uint8Array([0x80, 0x04, 0x95]), 100, MiB)).toMatch(/pickle/);
    expect(precheckModelFile(text("these are my notes, not a model"), 31, MiB)).toMatch(/does not start like an ONNX model/);
    expect(precheckModelFile(text('{"model": 1}'), 12, MiB)).toMatch(/does not start like an ONNX model/);
  });
});
