// Fractal markers and trendlines drawn as SVG over the chart's plot area, positioned with the chart's own
// coordinate conversions: real elements a person sees and a test can find (data-testid), redrawn whenever
// the view (scroll, zoom, autoscale, resize) or the data changes.
import { svg } from './dom.js';

const COLORS = {
  peak: '#ef5350', bottom: '#26a69a',
  'horizontal-peak': '#ef9a9a', 'horizontal-bottom': '#80cbc4',
  ascending: '#4fc3f7', descending: '#ffb74d',
};

export class Overlay {
  constructor(container, chart, series, stepSeconds) {
    this.chart = chart;
    this.series = series;
    this.step = stepSeconds;
    this.times = [];
    this.index = new Map();
    this.structures = { fractals: [], lines: [] };
    this.visible = { fractals: true, horizontal: true, diagonal: true };
    this.version = 0;
    this.key = '';
    this.root = svg('svg', { class: 'overlay', 'aria-hidden': 'true' });
    this.lines = svg('g', { class: 'trendlines' });
    this.fractals = svg('g', { class: 'fractals' });
    this.root.append(this.lines, this.fractals);
    container.append(this.root);
    const loop = () => {
      this.draw();
      this.frame = requestAnimationFrame(loop);
    };
    this.frame = requestAnimationFrame(loop);
  }

  setTimes(times) {
    this.times = times;
    this.index = new Map(times.map((t, i) => [t, i]));
    this.version++;
  }

  setStructures({ fractals, horizontal, diagonal }) {
    const points = (kind, list) => (list ?? []).map((p) => ({ kind, time: p.time, price: p.price }));
    const lines = (kind, list) => (list ?? []).map((l) => ({ kind, ...l }));
    this.structures = {
      fractals: [...points('peak', fractals?.peaks), ...points('bottom', fractals?.bottoms)],
      lines: [
        ...lines('horizontal-peak', horizontal?.peak_lines), ...lines('horizontal-bottom', horizontal?.bottom_lines),
        ...lines('ascending', diagonal?.ascending), ...lines('descending', diagonal?.descending),
      ],
    };
    this.version++;
  }

  show(layer, on) {
    this.visible[layer] = on;
    this.version++;
  }

  get counts() {
    return { fractals: this.structures.fractals.length, trendlines: this.structures.lines.length };
  }

  /** Bar index of a time, fractional outside or between the loaded bars (a line may start before them). */
  logical(time) {
    const exact = this.index.get(time);
    if (exact !== undefined) return exact;
    const t = this.times;
    if (t.length === 0) return null;
    if (time < t[0]) return (time - t[0]) / this.step;
    if (time > t[t.length - 1]) return t.length - 1 + (time - t[t.length - 1]) / this.step;
    let lo = 0;
    let hi = t.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (t[mid] <= time) lo = mid; else hi = mid;
    }
    return lo + (time - t[lo]) / (t[hi] - t[lo]);
  }

  draw() {
    const ts = this.chart.timeScale();
    const { width, height } = this.chart.paneSize(0);
    const range = ts.getVisibleLogicalRange();
    const key = `${this.version}|${width}x${height}|${range?.from}:${range?.to}|${this.series.priceToCoordinate(1)}|${this.series.priceToCoordinate(2)}`;
    if (key === this.key || !range) return;
    this.key = key;
    this.root.setAttribute('width', width);
    this.root.setAttribute('height', height);
    const x = (time) => {
      const logical = this.logical(time);
      return logical === null ? null : ts.logicalToCoordinate(logical);
    };
    const y = (price) => this.series.priceToCoordinate(price);

    const lineEls = [];
    for (const line of this.structures.lines) {
      const layer = line.kind.startsWith('horizontal') ? 'horizontal' : 'diagonal';
      const [x1, y1, x2, y2] = [x(line.start_time), y(line.start_price), x(line.end_time), y(line.end_price)];
      if (!this.visible[layer] || [x1, y1, x2, y2].some((v) => v === null) || Math.max(x1, x2) < 0 || Math.min(x1, x2) > width) continue;
      // A line with its two anchor points (where it starts and the bar it reaches): a group a person and a test can see.
      const color = COLORS[line.kind];
      const el = svg('g', { 'data-testid': 'trendline', 'data-kind': line.kind });
      el.append(
        svg('line', { x1, y1, x2, y2, stroke: color, 'stroke-width': layer === 'diagonal' ? 1.6 : 1.2, 'stroke-dasharray': layer === 'horizontal' ? '6 4' : 'none' }),
        svg('circle', { cx: x1, cy: y1, r: 2.5, fill: color }),
        svg('circle', { cx: x2, cy: y2, r: 2.5, fill: color }),
        svg('title'));
      el.lastChild.textContent = `${line.kind} line, ${line.touches} touches`;
      lineEls.push(el);
    }
    this.lines.replaceChildren(...lineEls);

    const markerEls = [];
    if (this.visible.fractals) {
      for (const f of this.structures.fractals) {
        const [px, py] = [x(f.time), y(f.price)];
        if (px === null || py === null || px < 0 || px > width || py < 0 || py > height) continue;
        // A small triangle pointing at the bar's extreme: down above a peak, up below a bottom.
        const d = f.kind === 'peak'
          ? `M${px - 5},${py - 12} L${px + 5},${py - 12} L${px},${py - 4} Z`
          : `M${px - 5},${py + 12} L${px + 5},${py + 12} L${px},${py + 4} Z`;
        markerEls.push(svg('path', { d, fill: COLORS[f.kind], 'data-testid': 'fractal-marker', 'data-kind': f.kind }));
      }
    }
    this.fractals.replaceChildren(...markerEls);
  }

  dispose() {
    cancelAnimationFrame(this.frame);
  }
}
