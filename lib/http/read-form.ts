// Reads a multipart body with a size cap. request.formData() would first buffer whatever a client sends, so a
// multi-gigabyte upload could exhaust the server's memory before the model's size is ever checked; here the body
// is refused as soon as it passes the cap (at once when its Content-Length says so).
import { AppError } from "../errors";

/** Room for the form's other fields and multipart boundaries beside the model file. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

function tooLarge(maxModelBytes: number): AppError {
  return new AppError(
    "payload_too_large",
    `The upload is larger than the model size limit of ${maxModelBytes.toLocaleString("en-US")} bytes. This board ranks small models: ` +
      "shrink the model (fewer parameters, float16 or int8 quantisation).",
    { rule: "size" },
  );
}

export async function readFormData(request: Request, maxModelBytes: number): Promise<FormData> {
  const capBytes = maxModelBytes + FORM_OVERHEAD_BYTES;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > capBytes) throw tooLarge(maxModelBytes);

  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > capBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxModelBytes);
      }
      chunks.push(value);
    }
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("invalid_request", "The multipart body could not be read; send fields file, model and task.");
  }
}
