import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipartBody } from "./multipart";

async function collect(chunks: AsyncGenerator<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

describe("the streamed multipart body", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "frugal-multipart-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("is what a form parser reads back: the fields and the file, byte for byte, in the announced length", async () => {
    // 200 kB: several chunks from disk, so the file is streamed, not read whole.
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 31) % 256);
    const path = join(dir, "model.onnx");
    await writeFile(path, bytes);
    const body = multipartBody({ model: "my-cnn", task: "mnist", name: "Ünïcode \"name\"", description: undefined }, { field: "file", path, filename: 'we"ird\nname.onnx', sizeBytes: bytes.byteLength });
    const chunks = await collect(body.chunks());
    expect(chunks.length).toBeGreaterThan(3);
    const all = Buffer.concat(chunks);
    expect(all.byteLength).toBe(body.lengthBytes);

    const form = await new Response(all, { headers: { "content-type": body.contentType } }).formData();
    expect(form.get("model")).toBe("my-cnn");
    expect(form.get("task")).toBe("mnist");
    expect(form.get("name")).toBe('Ünïcode "name"');
    expect(form.has("description")).toBe(false);
    const file = form.get("file") as File;
    // Quoted as browsers do (%22, %0A), so the header stays one line, and read back as it was.
    expect(file.name).toBe('we"ird\nname.onnx');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });

  it("fails rather than send a body whose length no longer matches the file", async () => {
    const path = join(dir, "shrinks.onnx");
    await writeFile(path, Buffer.alloc(10));
    const body = multipartBody({}, { field: "file", path, filename: "shrinks.onnx", sizeBytes: 20 });
    await expect(collect(body.chunks())).rejects.toThrow("changed while it was being uploaded (20 → 10 bytes)");
  });
});
