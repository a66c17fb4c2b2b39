// RIFF/WAVE files of 16-bit PCM (the format of the Free Spoken Digit Dataset). The chunks are walked rather than
// assuming a 44-byte header, since writers put LIST, fact or other chunks before `data` (RIFF spec: each chunk is
// id, uint32le size, payload, one pad byte when the size is odd).

export interface Pcm16Format {
  sampleRateHz: number;
  channels: number;
}

export interface Pcm16Audio extends Pcm16Format {
  /** Samples as stored (interleaved when channels > 1). */
  samples: Int16Array;
}

const WAVE_FORMAT_PCM = 1;
// WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the SubFormat GUID at offset 24 of `fmt `.
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

function chunkId(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
}

/** Parses a WAV file of 16-bit PCM; any other encoding is refused with a message naming the file and what it holds. */
export function parseWavPcm16(bytes: Uint8Array, name = "WAV file"): Pcm16Audio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || chunkId(bytes, 0) !== "RIFF" || chunkId(bytes, 8) !== "WAVE") {
    throw new Error(`${name} is not a RIFF/WAVE file`);
  }
  let format: (Pcm16Format & { formatTag: number; bitsPerSample: number }) | undefined;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = chunkId(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (body + size > bytes.length) throw new Error(`${name} is cut short: its "${id}" chunk declares ${size} bytes, ${bytes.length - body} remain`);
    if (id === "fmt ") {
      if (size < 16) throw new Error(`${name} has a "fmt " chunk of ${size} bytes, less than the 16 of PCM`);
      let formatTag = view.getUint16(body, true);
      if (formatTag === WAVE_FORMAT_EXTENSIBLE && size >= 40) formatTag = view.getUint16(body + 24, true);
      format = {
        formatTag,
        channels: view.getUint16(body + 2, true),
        sampleRateHz: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === "data") {
      if (!format) throw new Error(`${name} has its "data" chunk before any "fmt " chunk`);
      if (format.formatTag !== WAVE_FORMAT_PCM || format.bitsPerSample !== 16) {
        throw new Error(`${name} holds format ${format.formatTag} at ${format.bitsPerSample} bits per sample; only 16-bit PCM (format 1) is read`);
      }
      if (size % (2 * format.channels) !== 0) throw new Error(`${name} has a "data" chunk of ${size} bytes, not whole 16-bit frames`);
      const samples = new Int16Array(size / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(body + 2 * i, true);
      return { sampleRateHz: format.sampleRateHz, channels: format.channels, samples };
    }
    at = body + size + (size & 1);
  }
  throw new Error(`${name} has no ${format ? '"data"' : '"fmt "'} chunk`);
}

/** Little-endian 16-bit PCM WAV bytes (44-byte canonical header plus any extra chunks before `data`), for tests. */
export function encodeWavPcm16(
  samples: ArrayLike<number>,
  format: Pcm16Format & { bitsPerSample?: number; formatTag?: number } = { sampleRateHz: 8000, channels: 1 },
  extraChunks: { id: string; body: Uint8Array }[] = [],
): Uint8Array {
  const bits = format.bitsPerSample ?? 16;
  const data = new Uint8Array(samples.length * 2);
  const dataView = new DataView(data.buffer);
  for (let i = 0; i < samples.length; i++) dataView.setInt16(2 * i, samples[i], true);
  const chunks = [
    { id: "fmt ", body: new Uint8Array(16) },
    ...extraChunks,
    { id: "data", body: data },
  ];
  const fmt = new DataView(chunks[0].body.buffer);
  fmt.setUint16(0, format.formatTag ?? WAVE_FORMAT_PCM, true);
  fmt.setUint16(2, format.channels, true);
  fmt.setUint32(4, format.sampleRateHz, true);
  fmt.setUint32(8, (format.sampleRateHz * format.channels * bits) / 8, true); // byte rate
  fmt.setUint16(12, (format.channels * bits) / 8, true); // block align
  fmt.setUint16(14, bits, true);
  const length = 12 + chunks.reduce((n, c) => n + 8 + c.body.length + (c.body.length & 1), 0);
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  const writeId = (at: number, id: string) => [...id].forEach((ch, i) => (out[at + i] = ch.charCodeAt(0)));
  writeId(0, "RIFF");
  view.setUint32(4, length - 8, true);
  writeId(8, "WAVE");
  let at = 12;
  for (const chunk of chunks) {
    writeId(at, chunk.id);
    view.setUint32(at + 4, chunk.body.length, true);
    out.set(chunk.body, at + 8);
    at += 8 + chunk.body.length + (chunk.body.length & 1);
  }
  return out;
}
