// The energy label as SVG, drawn by hand (fixed layout, 420 × 640 px). Every text is escaped for XML and stripped
// of the control characters XML cannot carry, and long names are cut, so a hostile model name can neither inject
// markup nor break the PNG and PDF renderers, which parse this SVG.
import { ENERGY_CLASS_COLOURS } from "../leaderboard/grades";
import type { LabelContent } from "./label-content";

export const LABEL_WIDTH_PX = 420;
export const LABEL_HEIGHT_PX = 640;
const FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";

/** XML text: & < > " ' escaped; characters XML 1.0 forbids (C0 controls but tab and newline, U+FFFE/F) removed. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Cut to `max` characters (by code point) with an ellipsis. */
export function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

const t = (x: number, y: number, text: string, attrs = "") => `<text x="${x}" y="${y}"${attrs ? ` ${attrs}` : ""}>${escapeXml(text)}</text>`;

export function renderLabelSvg(content: LabelContent): string {
  const parts: string[] = [];
  parts.push(`<rect x="1" y="1" width="${LABEL_WIDTH_PX - 2}" height="${LABEL_HEIGHT_PX - 2}" fill="#fff" stroke="#222" stroke-width="2"/>`);
  parts.push(`<rect x="1" y="1" width="${LABEL_WIDTH_PX - 2}" height="44" fill="#1e3a8a"/>`);
  parts.push(t(16, 30, "frugalboard", 'font-size="20" font-weight="bold" fill="#fff"'));
  parts.push(t(LABEL_WIDTH_PX - 16, 30, "ENERGY LABEL", 'font-size="14" font-weight="bold" fill="#fff" text-anchor="end"'));
  parts.push(t(16, 72, cut(content.modelName, 34), 'font-size="18" font-weight="bold"'));
  parts.push(t(16, 94, cut(`Task: ${content.taskTitle}`, 50), 'font-size="13" fill="#444"'));

  // The scale: seven bars of growing length, A (green, short) to G (red, long); an arrow marks the model's class.
  const top = 110;
  const barH = 30;
  content.scale.forEach(({ energyClass, range }, i) => {
    const y = top + i * (barH + 4);
    const w = 150 + i * 18;
    const colour = ENERGY_CLASS_COLOURS[energyClass];
    parts.push(`<path d="M16 ${y} h${w} l${barH / 2} ${barH / 2} l-${barH / 2} ${barH / 2} h-${w} z" fill="${colour}"/>`);
    parts.push(t(24, y + 22, energyClass, 'font-size="20" font-weight="bold" fill="#fff" stroke="#000" stroke-width="0.6"'));
    parts.push(t(50, y + 20, range, 'font-size="12" fill="#000"'));
    if (energyClass === content.energyClass) {
      const x = LABEL_WIDTH_PX - 96;
      parts.push(`<path d="M${x} ${y + barH / 2} l${barH / 2} -${barH / 2} h64 v${barH} h-64 z" fill="#000" data-class="${energyClass}"/>`);
      parts.push(t(x + 48, y + 23, energyClass, 'font-size="24" font-weight="bold" fill="#fff" text-anchor="middle"'));
    }
  });

  let y = top + 7 * (barH + 4) + 22;
  if (content.standing !== "current") {
    const note = content.standing === "withdrawn" ? "WITHDRAWN by its owner" : "Superseded by a newer result";
    parts.push(`<rect x="16" y="${y - 16}" width="${LABEL_WIDTH_PX - 32}" height="22" fill="#fee2e2"/>`);
    parts.push(t(24, y, note, 'font-size="13" font-weight="bold" fill="#991b1b"'));
    y += 26;
  }
  for (const [label, value] of content.figures) {
    parts.push(t(16, y, label, 'font-size="11" fill="#555"'));
    parts.push(t(150, y, cut(value, 44), 'font-size="11" fill="#000"'));
    y += 19;
  }
  const footY = LABEL_HEIGHT_PX - 30;
  parts.push(`<line x1="16" y1="${footY - 14}" x2="${LABEL_WIDTH_PX - 16}" y2="${footY - 14}" stroke="#999"/>`);
  parts.push(t(16, footY, cut(content.url, 64), 'font-size="10" fill="#1e3a8a"'));
  if (content.classesDated) parts.push(t(16, footY + 15, `Classes A–G: the task's fixed bounds dated ${content.classesDated}.`, 'font-size="9" fill="#666"'));

  const title = `frugalboard energy label: ${content.modelName} on ${content.taskTitle}, class ${content.energyClass ?? "unknown"}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LABEL_WIDTH_PX}" height="${LABEL_HEIGHT_PX}" viewBox="0 0 ${LABEL_WIDTH_PX} ${LABEL_HEIGHT_PX}" ` +
    `font-family="${FONT}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>${parts.join("")}</svg>`
  );
}
