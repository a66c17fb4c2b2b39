// A multipart/form-data body streamed from disk: text fields, then the file in chunks. Its length is known up
// front (Content-Length), so the upload can be sent in one request and its progress counted in bytes.
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";

export interface MultipartFile {
  field: string;
  path: string;
  filename: string;
  sizeBytes: number;
  contentType?: string;
}

export interface MultipartBody {
  contentType: string;
  lengthBytes: number;
  chunks(): AsyncGenerator<Buffer>;
}

/** Quotes in a header parameter as browsers write them (HTML's form-data encoding: %22, %0D, %0A). */
function quoted(value: string): string {
  return `"${value.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}"`;
}

export function multipartBody(fields: Record<string, string | undefined>, file: MultipartFile, boundary = `frugalboard-${randomBytes(16).toString("hex")}`): MultipartBody {
  const parts = Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`);
  const head = Buffer.from(
    `${parts.join("")}--${boundary}\r\nContent-Disposition: form-data; name=${quoted(file.field)}; filename=${quoted(file.filename)}\r\n` +
      `Content-Type: ${file.contentType ?? "application/octet-stream"}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    lengthBytes: head.byteLength + file.sizeBytes + tail.byteLength,
    async *chunks() {
      yield head;
      let read = 0;
      for await (const chunk of createReadStream(file.path, { highWaterMark: 64 * 1024 })) {
        read += (chunk as Buffer).byteLength;
        yield chunk as Buffer;
      }
      // A file that changed size since it was measured would break Content-Length; say so instead.
      if (read !== file.sizeBytes) throw new Error(`${file.path} changed while it was being uploaded (${file.sizeBytes} → ${read} bytes).`);
      yield tail;
    },
  };
}
