// Renders the committed PNGs of public/ from their SVG sources with resvg (the renderer the labels use):
// public/og-image.png (1200×630, the link-preview image) from scripts/brand/og-image.svg, and
// public/apple-touch-icon.png (180×180) from public/favicon.svg. Run after changing either source:
//   npx tsx scripts/make-brand-images.ts
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";

const root = join(import.meta.dirname, "..");

function render(source: string, target: string, widthPx: number): void {
  const svg = readFileSync(join(root, source), "utf8");
  const png = new Resvg(svg, { fitTo: { mode: "width", value: widthPx }, font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } })
    .render()
    .asPng();
  writeFileSync(join(root, target), png);
  console.log(`${target}: ${png.byteLength} bytes from ${source}`);
}

render("scripts/brand/og-image.svg", "public/og-image.png", 1200);
render("public/favicon.svg", "public/apple-touch-icon.png", 180);
