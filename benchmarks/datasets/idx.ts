// The IDX format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/, "file formats"):
// magic 0x00 0x00 <type> <dims>, then one big-endian uint32 per dimension, then the data. Only type 0x08 (ubyte).
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { LoadedDataset } from "../types";

export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

export function parseIdxUbyte(bytes: Uint8Array, name = "IDX file"): IdxArray {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint16(0) !== 0 || bytes[2] !== 0x08) throw new Error(`${name} is not an unsigned-byte IDX file`);
  const rank = bytes[3];
  const header = 4 + 4 * rank;
  if (bytes.length < header) throw new Error(`${name} is cut short in its header`);
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const count = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== header + count) throw new Error(`${name} holds ${bytes.length - header} values, its header says ${count}`);
  return { dims, data: bytes.subarray(header) };
}

/** Images (n × rows × cols bytes) and labels (n bytes) → inputs as pixel/255 in float32, the task contract's scaling. */
export async function loadIdxImageDataset(imagesPath: string, labelsPath: string, classes: number): Promise<LoadedDataset> {
  const images = parseIdxUbyte(await readFile(imagesPath), basename(imagesPath));
  const labels = parseIdxUbyte(await readFile(labelsPath), basename(labelsPath));
  const samples = images.dims[0];
  if (labels.dims.length !== 1 || labels.dims[0] !== samples) throw new Error(`${basename(labelsPath)} has ${labels.dims[0]} labels for ${samples} images`);
  for (const label of labels.data) if (label >= classes) throw new Error(`${basename(labelsPath)} holds label ${label}, beyond ${classes} classes`);
  const inputs = new Float32Array(images.data.length);
  for (let i = 0; i < inputs.length; i++) inputs[i] = images.data[i] / 255;
  return { samples, sampleSize: images.data.length / samples, inputs, labels: new Uint8Array(labels.data) };
}
