// /dashboard/chart/{symbol}/{tf}: candles with every indicator, a legend to toggle each, live through SSE.
import { CandlestickSeries, CrosshairMode, HistogramSeries, LineSeries, LineStyle, createChart, createSeriesMarkers } from 'lightweight-charts';
import { eventData, indicators } from './api.js';
import { h } from './dom.js';
import { Overlay } from './overlay.js';
import { loadCatalogue, shell, upgradeMessage } from './shell.js';
import { ScrollBack } from './scroll-back.js';
import { openStream } from './sse.js';

const BARS = 1000;
const MA = { tema: '#f0b90b', hrma: '#ba68c8', smma: '#42a5f5' };
const KELTNER = 'rgba(121, 134, 203, 0.7)';
// Presentation only: which indicator column each layer draws. Whether the caller may see it comes from the
// catalogue (GET /api/indicators/catalogue), the server's one definition of the columns and their tiers.
const LAYERS = [
  { id: 'tema', column: 'tema', label: 'TEMA', color: MA.tema },
  { id: 'hrma', column: 'hrma', label: 'HRMA', color: MA.hrma },
  { id: 'smma', column: 'smma', label: 'SMMA', color: MA.smma },
  { id: 'keltner', column: 'keltner_channels', label: 'Keltner', color: KELTNER },
  { id: 'fractals', column: 'fractals', label: 'Fractals', color: '#ef5350' },
  { id: 'horizontal', column: 'horizontal_trendlines', label: 'Horizontal lines', color: '#ef9a9a' },
  { id: 'diagonal', column: 'diagonal_trendlines', label: 'Diagonal lines', color: '#4fc3f7' },
  { id: 'zigzag', column: 'zigzag', label: 'ZigZag', color: '#e0e0e0' },
  { id: 'momentum', column: 'momentum_candles', label: 'Momentum candles', color: '#ffee58' },
];

/** Layer id → whether the caller receives its column filled (a column the catalogue does not list stays locked). */
function layerAccess(cat) {
  const columns = new Map(cat.indicators.map((c) => [c.name, c.accessible]));
  return Object.fromEntries(LAYERS.map((l) => [l.id, columns.get(l.column) === true]));
}

export async function chartPage(root, symbol, timeframe) {
  const cat = await loadCatalogue(root);
  if (!cat) {
    return;
  }

  document.title = `${symbol} ${timeframe} · TradingAlerts`;
  const main = shell(root, { page: 'chart', catalogue: cat, symbol, timeframe, href: (s, tf) => `/dashboard/chart/${s}/${tf}` });
  const tfInfo = cat.timeframes.find((t) => t.timeframe === timeframe);
  const symbolInfo = cat.symbols.find((s) => s.symbol === symbol);
  if (!tfInfo || !symbolInfo) {
    main.append(h('div', { class: 'empty error' }, `Unknown symbol or timeframe: ${symbol} ${timeframe}`));
    return;
  }

  if (!tfInfo.accessible || !symbolInfo.accessible) {
    main.append(upgradeMessage(`${symbol} ${timeframe} is available on the PRO tier.`));
    return;
  }

  const status = h('span', { class: 'live-status', dataset: { testid: 'live-status', state: 'connecting' } }, 'connecting');
  const quote = h('span', { class: 'quote' });
  // The instrument's sessions (GET /api/symbols): no new bars while its market is closed is expected, not a fault.
  const market = symbolInfo.market === 'closed'
    ? h('span', { class: 'market-closed', dataset: { testid: 'market-state' }, title: (symbolInfo.sessions ?? []).join(', ') }, 'market closed')
    : null;
  const chartEl = h('div', { class: 'chart', dataset: { testid: 'trading-chart', state: 'loading', symbol, timeframe, bars: '0', history: 'idle' } });
  const legend = h('div', { class: 'legend', dataset: { testid: 'legend' } });
  main.append(
    h('div', { class: 'chart-head' }, h('h1', {}, symbol, h('span', { class: 'tf' }, timeframe)), quote, market, h('div', { class: 'spacer' }), status),
    h('div', { class: 'chart-wrap' }, chartEl, legend));

  const access = layerAccess(cat);
  const view = new ChartView(chartEl, tfInfo.seconds, access);
  view.onChange = (bars) => {
    const last = bars.at(-1);
    if (last) {
      const up = last.close >= last.open;
      quote.className = `quote ${up ? 'up' : 'down'}`;
      quote.textContent = `O ${view.fmt(last.open)}  H ${view.fmt(last.high)}  L ${view.fmt(last.low)}  C ${view.fmt(last.close)}`;
    }
  };
  for (const layer of LAYERS) {
    const locked = !access[layer.id];
    const box = h('input', { type: 'checkbox', checked: !locked, disabled: locked, dataset: { layer: layer.id, column: layer.column } });
    box.addEventListener('change', () => view.show(layer.id, box.checked));
    legend.append(h('label', { class: locked ? 'layer locked' : 'layer', title: locked ? 'PRO' : '' },
      box, h('span', { class: 'swatch', style: `background:${layer.color}` }), layer.label, locked ? h('span', { class: 'lock' }, 'PRO') : null));
  }

  const load = async () => {
    const body = await indicators(symbol, timeframe, BARS);
    view.setAll(body.data);
  };
  // One stream for the page (GET /api/stream, docs/live-streams.md), applied by position: a version at or below
  // what the chart holds is never applied twice, a `reset` replaces the bars it carries. Opened before the bars are
  // loaded, so nothing changes unseen between the two; its events wait until the load is drawn.
  const pair = `${symbol}/${timeframe}`;
  let seen = -1;
  let queued = [];
  const apply = (type, body) => {
    if (body.pair !== pair) return;
    const bars = type === 'reset' ? body.data.ohlc : body.data.ohlc.filter((b) => b.position > seen);
    if (bars.length > 0) view.applyBars(body.data, new Set(bars.map((b) => b.time)));
    seen = Math.max(seen, body.position);
    chartEl.dataset.position = String(seen);
  };
  const stop = openStream(`/api/stream?pairs=${encodeURIComponent(pair)}`, {
    onEvent: (type, data) => {
      if (type !== 'bar' && type !== 'reset') return;
      const body = eventData(type, data);
      if (queued) queued.push([type, body]); else apply(type, body);
    },
    onStatus: (state) => {
      status.dataset.state = state;
      status.textContent = state === 'unavailable' ? 'live off' : state;
    },
  });
  try {
    await load();
  } catch (e) {
    stop();
    chartEl.dataset.state = 'error';
    main.append(e.upgradeRequired ? upgradeMessage(e.message) : h('div', { class: 'empty error' }, e.message));
    return;
  }

  for (const [type, body] of queued) apply(type, body);
  queued = null;

  // Older bars once the view reaches the oldest one (scroll-back.js); the live updates above go on meanwhile.
  const back = new ScrollBack({
    symbol,
    timeframe,
    tier: cat.tier,
    oldestTime: () => view.bars[0]?.time,
    prepend: (data) => view.prependBars(data),
    onState: (state) => { chartEl.dataset.history = state; },
  });
  view.chart.timeScale().subscribeVisibleLogicalRangeChange((range) => back.viewChanged(range));
  back.viewChanged(view.chart.timeScale().getVisibleLogicalRange());
}

class ChartView {
  constructor(el, stepSeconds, access) {
    this.el = el;
    this.access = access;
    this.precision = 2;
    this.bars = [];
    this.ma = { tema: [], hrma: [], smma: [] };
    this.momentum = new Map();
    this.keltner = null;
    this.keltnerLines = [];
    this.layers = { ...access };
    this.chart = createChart(el, {
      autoSize: true,
      layout: { background: { color: '#0b0e14' }, textColor: '#8b949e', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' },
      grid: { vertLines: { color: '#161b22' }, horzLines: { color: '#161b22' } },
      rightPriceScale: { borderColor: '#21262d' },
      timeScale: { borderColor: '#21262d', timeVisible: true, secondsVisible: false, rightOffset: 6 },
      crosshair: { mode: CrosshairMode.Normal },
    });
    this.candles = this.chart.addSeries(CandlestickSeries, {
      upColor: '#26a69a', downColor: '#ef5350', borderVisible: false, wickUpColor: '#26a69a', wickDownColor: '#ef5350',
    });
    const line = (color, width = 1.5) => this.chart.addSeries(LineSeries, {
      color, lineWidth: width, priceLineVisible: false, lastValueVisible: false, crosshairMarkerVisible: false,
    });
    this.lines = { tema: line(MA.tema), hrma: line(MA.hrma), smma: line(MA.smma), zigzag: line('#e0e0e0', 1) };
    // Tick volume in its own pane below the prices (pane 1), coloured by the bar's direction.
    this.volume = this.chart.addSeries(HistogramSeries, {
      priceFormat: { type: 'volume' }, priceLineVisible: false, lastValueVisible: false,
    }, 1);
    this.chart.panes()[1]?.setHeight(Math.round(el.clientHeight * 0.2) || 90);
    this.markers = createSeriesMarkers(this.candles, []);
    this.overlay = new Overlay(el, this.chart, this.candles, stepSeconds);
    for (const [id, on] of Object.entries(this.layers)) this.show(id, on);
    // Every bar as the two series hold it, [time, open, high, low, close, volume], for whoever checks the whole
    // chart against the stored rows (tests/TradingAlerts.E2E/ScrollBackTests.cs); the data-tail attribute has five.
    el.drawnBars = () => {
      const volumes = new Map(this.volume.data().map((v) => [v.time, v.value]));
      return this.candles.data().map((b) => [b.time, b.open, b.high, b.low, b.close, volumes.get(b.time) ?? null]);
    };
  }

  fmt(price) {
    return price.toFixed(this.precision);
  }

  /** The whole response of GET /api/indicators. */
  setAll(data) {
    this.precision = Math.min(5, Math.max(0, ...data.ohlc.slice(-50).map((b) => decimals(b.close))));
    this.candles.applyOptions({ priceFormat: { type: 'price', precision: this.precision, minMove: 10 ** -this.precision } });
    this.bars = data.ohlc.map(candle);
    for (const name of Object.keys(this.ma)) {
      this.ma[name] = this.bars.map((b, i) => point(b.time, data[name]?.[i]));
    }
    this.momentum = new Map((data.momentum_candles ?? []).map((m) => [m.time, m]));
    this.candles.setData(this.bars);
    this.volume.setData(data.ohlc.map(volumeBar));
    for (const name of Object.keys(this.ma)) this.lines[name].setData(this.ma[name]);
    this.setStructures(data);
    this.render();
    this.el.dataset.state = 'ready';
  }

  /**
   * Bars older than the oldest one held (a range answer, oldest first), put before it with their volumes and
   * averages; the view stays on the bars it showed. The answer's structures are the latest bar's only when the
   * range reaches it, which an older range never does, so the latest bar's stay.
   */
  prependBars(data) {
    const first = this.bars[0]?.time ?? Infinity;
    const keep = data.ohlc.map((b, i) => [b, i]).filter(([b]) => b.time < first);
    if (keep.length === 0) return;
    const range = this.chart.timeScale().getVisibleLogicalRange();
    this.bars = [...keep.map(([b]) => candle(b)), ...this.bars];
    for (const name of Object.keys(this.ma)) {
      this.ma[name] = [...keep.map(([b, i]) => point(b.time, this.access[name] ? data[name]?.[i] : undefined)), ...this.ma[name]];
      this.lines[name].setData(this.ma[name]);
    }
    for (const m of data.momentum_candles ?? []) {
      if (m.time < first) this.momentum.set(m.time, m);
    }
    this.candles.setData(this.bars);
    this.volume.setData([...keep.map(([b]) => volumeBar(b)), ...this.volume.data()]);
    // Logical indexes count from the oldest bar: the bars shown keep their place by moving the view past the new ones.
    if (range) this.chart.timeScale().setVisibleLogicalRange({ from: range.from + keep.length, to: range.to + keep.length });
    this.render();
  }

  /** A live `bar` event: the changed bars (same shape) and the latest bar's structures; only the bars at `times`. */
  applyBars(data, times) {
    data.ohlc.forEach((raw, i) => {
      if (!times.has(raw.time)) return;
      const bar = candle(raw);
      const at = lowerBound(this.bars, bar.time);
      const exists = this.bars[at]?.time === bar.time;
      const historical = at < this.bars.length - (exists ? 1 : 0);
      this.bars.splice(at, exists ? 1 : 0, bar);
      this.candles.update(bar, historical);
      this.volume.update(volumeBar(raw), historical);
      for (const name of Object.keys(this.ma)) {
        if (!this.access[name]) continue;
        const p = point(bar.time, data[name]?.[i]);
        this.ma[name].splice(at, exists ? 1 : 0, p);
        this.lines[name].update(p, historical);
      }
      this.momentum.delete(bar.time);
    });
    for (const m of data.momentum_candles ?? []) this.momentum.set(m.time, m);
    this.setStructures(data);
    this.render();
  }

  setStructures(data) {
    this.overlay.setStructures({ fractals: data.fractals, horizontal: data.horizontal_trendlines, diagonal: data.diagonal_trendlines });
    const zig = [...(data.zigzag?.peaks ?? []), ...(data.zigzag?.bottoms ?? [])].sort((a, b) => a.time - b.time);
    this.lines.zigzag.setData(zig.filter((p, i) => i === 0 || p.time !== zig[i - 1].time).map((p) => ({ time: p.time, value: p.price })));
    this.keltner = data.keltner_channels?.middle != null ? data.keltner_channels : null;
    this.drawKeltner();
  }

  /** The latest bar's bands (the API holds Keltner for the latest bar), as price lines across the chart. */
  drawKeltner() {
    for (const l of this.keltnerLines) this.candles.removePriceLine(l);
    this.keltnerLines = [];
    if (!this.keltner || !this.layers.keltner) return;
    const band = (price, i, title) => this.candles.createPriceLine({
      price, color: KELTNER, lineWidth: 1, lineStyle: i === 0 ? LineStyle.Solid : LineStyle.Dotted, axisLabelVisible: false, title,
    });
    this.keltnerLines.push(band(this.keltner.middle, 0, 'KC'));
    // Inner and outer band of each side (k = 1 and 3 ATR); the three between would crowd the chart.
    for (const i of [0, 4]) {
      if (this.keltner.upper?.[i] != null) this.keltnerLines.push(band(this.keltner.upper[i], i + 1, i === 4 ? 'KC+' : ''));
      if (this.keltner.lower?.[i] != null) this.keltnerLines.push(band(this.keltner.lower[i], i + 1, i === 4 ? 'KC−' : ''));
    }
  }

  show(id, on) {
    this.layers[id] = on;
    if (this.lines[id]) this.lines[id].applyOptions({ visible: on });
    if (id === 'fractals' || id === 'horizontal' || id === 'diagonal') this.overlay.show(id, on);
    if (id === 'keltner') this.drawKeltner();
    if (id === 'momentum') this.render();
  }

  render() {
    const momentum = this.layers.momentum
      ? [...this.momentum.values()].sort((a, b) => a.time - b.time).map((m) => ({
        time: m.time,
        position: m.direction === 'bullish' ? 'belowBar' : 'aboveBar',
        shape: 'circle',
        color: '#ffee58',
        size: 0.6,
      }))
      : [];
    this.markers.setMarkers(momentum);
    this.overlay.setTimes(this.bars.map((b) => b.time));
    const { fractals, trendlines } = this.overlay.counts;
    Object.assign(this.el.dataset, {
      bars: String(this.bars.length),
      lastTime: String(this.bars.at(-1)?.time ?? ''),
      // The newest bars as drawn, [time, open, high, low, close], for whoever checks the chart against the API.
      tail: JSON.stringify(this.bars.slice(-5).map((b) => [b.time, b.open, b.high, b.low, b.close])),
      firstTime: String(this.bars[0]?.time ?? ''),
      // The tick volumes drawn in the volume pane, [time, volume], newest five.
      volumes: JSON.stringify(this.volume.data().slice(-5).map((v) => [v.time, v.value])),
      fractals: String(fractals),
      trendlines: String(trendlines),
    });
    this.onChange?.(this.bars);
  }
}

const candle = (b) => ({ time: b.time, open: b.open, high: b.high, low: b.low, close: b.close });
const volumeBar = (b) => ({ time: b.time, value: b.volume, color: b.close >= b.open ? '#26a69a80' : '#ef535080' });
const point = (time, value) => (value === null || value === undefined ? { time } : { time, value });

function decimals(n) {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 || s.includes('e') ? 0 : s.length - dot - 1;
}

function lowerBound(bars, time) {
  let lo = 0;
  let hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bars[mid].time < time) lo = mid + 1; else hi = mid;
  }
  return lo;
}
