import { describe, expect, it } from "vitest";
import { encodeWavPcm16, parseWavPcm16 } from "./wav";

const mono8k = { sampleRateHz: 8000, channels: 1 };

describe("parseWavPcm16", () => {
  it("reads the samples of a canonical 44-byte-header file", () => {
    const wav = encodeWavPcm16([0, 1, -1, 32767, -32768], mono8k);
    expect(wav.length).toBe(44 + 10);
    expect(parseWavPcm16(wav)).toEqual({ sampleRateHz: 8000, channels: 1, samples: Int16Array.from([0, 1, -1, 32767, -32768]) });
  });

  it("walks past other chunks before data, odd-sized ones padded to even", () => {
    const list = { id: "LIST", body: new TextEncoder().encode("INFOISFT") };
    const odd = { id: "junk", body: new Uint8Array([9, 9, 9]) };
    const wav = encodeWavPcm16([5, -5, 7], mono8k, [list, odd]);
    expect(Array.from(parseWavPcm16(wav).samples)).toEqual([5, -5, 7]);
  });

  it("reports the channels and rate it found, for the caller to check", () => {
    const wav = encodeWavPcm16([1, 2, 3, 4], { sampleRateHz: 16000, channels: 2 });
    expect(parseWavPcm16(wav)).toMatchObject({ sampleRateHz: 16000, channels: 2 });
  });

  it("refuses what is not 16-bit PCM, naming the file and what it holds", () => {
    expect(() => parseWavPcm16(new Uint8Array(40), "a.wav")).toThrow("a.wav is not a RIFF/WAVE file");
    const float = encodeWavPcm16([1, 2], { ...mono8k, formatTag: 3, bitsPerSample: 32 });
    expect(() => parseWavPcm16(float, "b.wav")).toThrow("b.wav holds format 3 at 32 bits per sample; only 16-bit PCM (format 1) is read");
    const eightBit = encodeWavPcm16([1, 2], { ...mono8k, bitsPerSample: 8 });
    expect(() => parseWavPcm16(eightBit, "c.wav")).toThrow("c.wav holds format 1 at 8 bits per sample");
  });

  it("refuses a file cut short or without its chunks", () => {
    const wav = encodeWavPcm16([1, 2, 3, 4], mono8k);
    expect(() => parseWavPcm16(wav.subarray(0, wav.length - 2), "d.wav")).toThrow('d.wav is cut short: its "data" chunk declares 8 bytes, 6 remain');
    expect(() => parseWavPcm16(wav.subarray(0, 36), "e.wav")).toThrow('e.wav has no "data" chunk');
    expect(() => parseWavPcm16(wav.subarray(0, 12), "f.wav")).toThrow('f.wav has no "fmt " chunk');
  });

  it("refuses a misplaced or short fmt chunk and a data chunk of partial frames", () => {
    const riff = (...chunks: [string, number[]][]) =>
      new Uint8Array([
        ...new TextEncoder().encode("RIFF\0\0\0\0WAVE"),
        ...chunks.flatMap(([id, body]) => [...new TextEncoder().encode(id), body.length, 0, 0, 0, ...body]),
      ]);
    expect(() => parseWavPcm16(riff(["data", [1, 0]]), "g.wav")).toThrow('g.wav has its "data" chunk before any "fmt " chunk');
    expect(() => parseWavPcm16(riff(["fmt ", new Array(14).fill(0)]), "h.wav")).toThrow('h.wav has a "fmt " chunk of 14 bytes, less than the 16 of PCM');
    const stereoOdd = encodeWavPcm16([1, 2, 3], { sampleRateHz: 8000, channels: 2 });
    expect(() => parseWavPcm16(stereoOdd, "i.wav")).toThrow('i.wav has a "data" chunk of 6 bytes, not whole 16-bit frames');
  });
});
