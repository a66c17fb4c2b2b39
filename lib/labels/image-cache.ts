// Rendered PNG and PDF labels and badges, kept a minute in this process like the SVG badges (serve-badge.ts): a
// render costs about 0.1 s of CPU here (resvg, pdfkit), and a slide deck or a paper's build asks for the same image
// again and again. Concurrent requests share one render. Cleared with the badges after a moderation change.
import { processWide } from "../cache/process-wide";
import { createTtlCache } from "../cache/ttl-cache";

const TTL_MS = 60_000;
// A label PNG is about 50 KB: at most some 25 MB held.
const MAX_ENTRIES = 500;

const images = processWide("rendered-images", () => createTtlCache<Promise<unknown>>({ ttlMs: TTL_MS, maxEntries: MAX_ENTRIES }));

export function cachedImage<T>(key: string, render: () => Promise<T>): Promise<T> {
  let rendered = images.get(key) as Promise<T> | undefined;
  if (!rendered) {
    rendered = render();
    images.set(key, rendered);
    // A failed render (the database down) is not remembered.
    rendered.catch(() => images.delete(key));
  }
  return rendered;
}

export function clearImageCache(): void {
  images.clear();
}
