/**
 * A small bar chart as inline SVG, drawn on the server: no script, and no inline style either
 * (the Content-Security-Policy forbids it); colours come from the stylesheet's classes.
 */
import { html, type Html } from './html.js';

export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 720;
const HEIGHT = 180;
const MARGIN = { top: 12, right: 28, bottom: 28, left: 36 };

export function barChart(bars: Bar[], description: string): Html {
  if (bars.length === 0) return html`<p class="muted">No data to chart.</p>`;
  const max = Math.max(...bars.map((bar) => bar.value), 1);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = plotWidth / bars.length;
  const barWidth = Math.max(1, step * 0.8);
  // Label at most ~12 bars, so the axis stays readable however many months there are.
  const labelEvery = Math.ceil(bars.length / 12);
  const baseline = MARGIN.top + plotHeight;
  return html`<figure class="chart">
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${description}">
      <title>${description}</title>
      <line class="axis" x1="${MARGIN.left}" y1="${baseline}" x2="${WIDTH - MARGIN.right}" y2="${baseline}"></line>
      <text x="${MARGIN.left - 4}" y="${MARGIN.top + 4}" text-anchor="end">${max}</text>
      <text x="${MARGIN.left - 4}" y="${baseline}" text-anchor="end">0</text>
      ${bars.map((bar, index) => {
        const height = (bar.value / max) * plotHeight;
        const x = MARGIN.left + index * step + (step - barWidth) / 2;
        return html`<rect class="bar" x="${round(x)}" y="${round(baseline - height)}" width="${round(barWidth)}" height="${round(height)}"
            ><title>${bar.label}: ${bar.value}</title></rect
          >${index % labelEvery === 0 ? html`<text x="${round(x + barWidth / 2)}" y="${HEIGHT - 10}" text-anchor="middle">${bar.label}</text>` : ''}`;
      })}
    </svg>
    <figcaption class="muted">${description}</figcaption>
  </figure>`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
