// The PNG and PDF of an SVG (labels and badges): PNG by resvg (a Rust SVG renderer, prebuilt for the platform by
// npm), vector PDF by pdfkit with svg-to-pdfkit, which turns the SVG's shapes and text into PDF operators, so the
// PDF stays sharp in \includegraphics. Text uses DejaVu Sans where the system has it, else PDF's Helvetica.
import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";

/** The formats a label or badge URL may end with; each one's content type. */
export const IMAGE_FORMATS = ["svg", "png", "pdf"] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];
export const CONTENT_TYPES: Record<ImageFormat, string> = { svg: "image/svg+xml; charset=utf-8", png: "image/png", pdf: "application/pdf" };

/** "mnist.pdf" → { name: "mnist", format: "pdf" }; null for any other ending. */
export function splitFormat(file: string): { name: string; format: ImageFormat } | null {
  const match = /^(.+)\.(svg|png|pdf)$/.exec(file);
  return match ? { name: match[1], format: match[2] as ImageFormat } : null;
}

/** The SVG in `format`: as it is, or converted. */
export async function inFormat(svg: string, format: ImageFormat, meta: { title: string; date: Date }): Promise<string | Buffer> {
  if (format === "svg") return svg;
  if (format === "png") return svgToPng(svg);
  return svgToPdf(svg, svgSize(svg), meta);
}

/** PNG at `scale` × the SVG's own size (2 for slides and retina screens). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: "zoom", value: scale }, font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } });
  return resvg.render().asPng();
}

const FONT_FILES = {
  regular: ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"],
  bold: ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"],
} as const;

function registerFonts(doc: PDFKit.PDFDocument): { regular: string; bold: string } {
  const regular = FONT_FILES.regular.find((file) => existsSync(file));
  const bold = FONT_FILES.bold.find((file) => existsSync(file));
  if (!regular || !bold) return { regular: "Helvetica", bold: "Helvetica-Bold" };
  doc.registerFont("LabelSans", regular);
  doc.registerFont("LabelSans-Bold", bold);
  return { regular: "LabelSans", bold: "LabelSans-Bold" };
}

/** A one-page vector PDF the size of the SVG (px at 96 dpi → pt at 72 dpi); `date` fixes its metadata (and bytes). */
export function svgToPdf(svg: string, size: { widthPx: number; heightPx: number }, meta: { title: string; date: Date }): Promise<Buffer> {
  const widthPt = (size.widthPx * 72) / 96;
  const heightPt = (size.heightPx * 72) / 96;
  const doc = new PDFDocument({
    size: [widthPt, heightPt],
    margin: 0,
    autoFirstPage: true,
    info: { Title: meta.title, Creator: "frugalboard", Producer: "frugalboard (pdfkit)", CreationDate: meta.date, ModDate: meta.date },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const fonts = registerFonts(doc);
  SVGtoPDF(doc, svg, 0, 0, { width: widthPt, height: heightPt, assumePt: false, fontCallback: (_family: string, bold: boolean) => (bold ? fonts.bold : fonts.regular) });
  doc.end();
  return done;
}

/** The width and height an SVG declares on its root (badge-maker and our labels always do). */
export function svgSize(svg: string): { widthPx: number; heightPx: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const widthPx = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const heightPx = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(widthPx > 0 && heightPx > 0)) throw new Error("The SVG declares no width and height on its root.");
  return { widthPx, heightPx };
}
