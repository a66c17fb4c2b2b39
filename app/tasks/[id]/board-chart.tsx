"use client";

// The board as a scatter: x = µJ per inference (log scale), y = accuracy. The Pareto front is drawn as a staircase
// (the best accuracy reachable at a given energy), the quality floor as a dashed line. Hover shows the model in an
// HTML tooltip; a click opens its page. Colours follow the page's light or dark scheme, live.
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartDataset,
  type ChartTypeRegistry,
  type TooltipModel,
} from "chart.js";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

Chart.register(ScatterController, LineController, PointElement, LineElement, LinearScale, LogarithmicScale, Tooltip, Legend);

export interface ChartPoint {
  slug: string;
  name: string;
  accuracy: number;
  energyPerInferenceJ: number;
  pareto: boolean;
  eligible: boolean;
  estimated: boolean;
}

interface Palette {
  ranked: string;
  front: string;
  below: string;
  floor: string;
  grid: string;
  text: string;
}

const LIGHT: Palette = { ranked: "#059669", front: "#047857", below: "#94a3b8", floor: "#dc2626", grid: "#e2e8f0", text: "#334155" };
const DARK: Palette = { ranked: "#34d399", front: "#6ee7b7", below: "#64748b", floor: "#f87171", grid: "#1e293b", text: "#cbd5e1" };

type XY = { x: number; y: number; point?: ChartPoint };

function usePrefersDark(): boolean {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    setDark(query.matches);
    const onChange = (event: MediaQueryListEvent) => setDark(event.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, []);
  return dark;
}

const uj = (joules: number) => joules * 1e6;

function formatUj(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

/** Log-axis labels only at 1, 2 and 5 × 10ⁿ, so the decades stay readable. */
function logTick(value: number): string {
  const exponent = Math.floor(Math.log10(value) + 1e-9);
  const mantissa = value / 10 ** exponent;
  return [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6) ? String(Number(value.toPrecision(1))) : "";
}

export function BoardChart({ points, qualityFloor }: { points: ChartPoint[]; qualityFloor: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const tooltip = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const dark = usePrefersDark();

  useEffect(() => {
    const element = canvas.current;
    if (!element || points.length === 0) return;
    const palette = dark ? DARK : LIGHT;
    const ranked = points.filter((p) => p.eligible);
    const below = points.filter((p) => !p.eligible);
    const front = ranked.filter((p) => p.pareto).sort((a, b) => a.energyPerInferenceJ - b.energyPerInferenceJ);
    const xs = points.map((p) => uj(p.energyPerInferenceJ)).filter((x) => x > 0);
    const xMin = Math.min(...xs) / 2;
    const xMax = Math.max(...xs) * 2;
    const yMin = Math.max(0, Math.min(qualityFloor, ...points.map((p) => p.accuracy)) - 0.02);
    const yMax = Math.min(1, Math.max(...points.map((p) => p.accuracy)) + 0.01);
    const toXY = (p: ChartPoint): XY => ({ x: uj(p.energyPerInferenceJ), y: p.accuracy, point: p });

    const datasets: ChartDataset<"scatter", XY[]>[] = [
      {
        label: "Ranked models",
        data: ranked.map(toXY),
        backgroundColor: palette.ranked,
        borderColor: palette.ranked,
        pointRadius: ranked.map((p) => (p.pareto ? 6 : 4)),
        pointHoverRadius: 8,
        pointStyle: ranked.map((p) => (p.pareto ? "rectRot" : "circle")),
      },
      {
        label: "Below the floor (not ranked)",
        data: below.map(toXY),
        backgroundColor: "transparent",
        borderColor: palette.below,
        borderWidth: 1.5,
        pointRadius: 4,
        pointHoverRadius: 7,
      },
      {
        label: "Pareto front",
        data: front.map(toXY),
        showLine: true,
        stepped: "before",
        pointStyle: "line",
        borderColor: palette.front,
        borderWidth: 1.5,
        pointRadius: 0,
        pointHitRadius: 0,
      },
      {
        label: `Quality floor (${(qualityFloor * 100).toFixed(0)} %)`,
        data: [
          { x: xMin, y: qualityFloor },
          { x: xMax, y: qualityFloor },
        ],
        showLine: true,
        pointStyle: "line",
        borderColor: palette.floor,
        borderDash: [6, 4],
        borderWidth: 1.5,
        pointRadius: 0,
        pointHitRadius: 0,
      },
    ];

    const chart = new Chart(element, {
      type: "scatter",
      data: { datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "nearest", intersect: true },
        scales: {
          x: {
            type: "logarithmic",
            min: xMin,
            max: xMax,
            title: { display: true, text: "Energy per inference (µJ, log scale)", color: palette.text },
            ticks: { color: palette.text, autoSkip: false, maxRotation: 0, callback: (value) => logTick(Number(value)) },
            grid: { color: palette.grid },
          },
          y: {
            min: yMin,
            max: yMax,
            title: { display: true, text: "Accuracy", color: palette.text },
            ticks: { color: palette.text, callback: (value) => `${(Number(value) * 100).toFixed(1)} %` },
            grid: { color: palette.grid },
          },
        },
        plugins: {
          legend: { labels: { color: palette.text, usePointStyle: true } },
          tooltip: {
            enabled: false,
            filter: (item) => Boolean((item.raw as XY).point),
            external: ({ tooltip: model }) => showTooltip(tooltip.current, model),
          },
        },
        onHover: (event, elements) => {
          const target = event.native?.target as HTMLElement | undefined;
          if (target) target.style.cursor = elements.some((e) => e.datasetIndex < 2) ? "pointer" : "default";
        },
        onClick: (_event, elements) => {
          const hit = elements.find((e) => e.datasetIndex < 2);
          if (!hit) return;
          const point = (datasets[hit.datasetIndex].data[hit.index] as XY).point;
          if (point) router.push(`/models/${point.slug}`);
        },
      },
    });
    // Where each model's point is drawn (CSS pixels in the canvas), for tests and for anyone scripting the page.
    const drawn = [0, 1].flatMap((datasetIndex) =>
      chart.getDatasetMeta(datasetIndex).data.map((element, index) => ({
        slug: (datasets[datasetIndex].data[index] as XY).point?.slug,
        x: Math.round(element.x),
        y: Math.round(element.y),
      })),
    );
    element.dataset.points = JSON.stringify(drawn);
    return () => chart.destroy();
  }, [points, qualityFloor, dark, router]);

  if (points.length === 0) return null;
  const summary = `Scatter of ${points.length} models: energy per inference against accuracy, Pareto front and quality floor.`;
  return (
    <figure className="relative h-80 w-full rounded-lg border border-slate-200 p-2 dark:border-slate-800" data-testid="board-chart">
      <canvas ref={canvas} role="img" aria-label={summary} />
      <div
        ref={tooltip}
        role="tooltip"
        data-testid="chart-tooltip"
        className="pointer-events-none absolute z-10 hidden rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow dark:border-slate-700 dark:bg-slate-900"
      />
    </figure>
  );
}

function showTooltip(box: HTMLDivElement | null, model: TooltipModel<keyof ChartTypeRegistry>): void {
  if (!box) return;
  const item = model.dataPoints?.find((p) => (p.raw as XY).point);
  const point = item && (item.raw as XY).point;
  if (model.opacity === 0 || !point) {
    box.classList.add("hidden");
    return;
  }
  box.replaceChildren();
  const name = document.createElement("strong");
  name.textContent = point.name;
  const figures = document.createElement("div");
  figures.className = "num";
  figures.textContent = `${(point.accuracy * 100).toFixed(2)} % · ${formatUj(uj(point.energyPerInferenceJ))} µJ${point.estimated ? " (estimated)" : ""}${
    point.eligible ? (point.pareto ? " · Pareto front" : "") : " · below floor"
  }`;
  box.append(name, figures);
  box.dataset.model = point.slug;
  box.style.left = `${model.caretX + 14}px`;
  box.style.top = `${model.caretY}px`;
  box.classList.remove("hidden");
}
