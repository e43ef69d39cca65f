// /dashboard/confluence/{symbol}: the 0–10 score and the nine timeframes' trend and strength, live (PRO).
import { confluence, eventData } from './api.js';
import { h } from './dom.js';
import { loadCatalogue, shell, upgradeMessage } from './shell.js';
import { openStream } from './sse.js';

const SIGNAL_NAMES = {
  close_vs_tema: 'TEMA', close_vs_hrma: 'HRMA', close_vs_smma: 'SMMA', ma_stack: 'MA stack', keltner: 'Keltner',
  zigzag_structure: 'ZigZag', fractal_break: 'Fractal', momentum: 'Momentum', horizontal_break: 'Level',
};

export async function confluencePage(root, symbol) {
  const cat = await loadCatalogue(root);
  if (!cat) {
    return;
  }

  document.title = `${symbol} confluence · TradingAlerts`;
  // Every symbol has a confluence for PRO; FREE sees them all as locked here.
  const pickable = { ...cat, symbols: cat.symbols.map((s) => ({ ...s, accessible: cat.tier === 'PRO' })) };
  const main = shell(root, { page: 'confluence', catalogue: pickable, symbol, href: (s) => `/dashboard/confluence/${s}` });
  if (!cat.symbols.some((s) => s.symbol === symbol)) {
    main.append(h('div', { class: 'empty error' }, `Unknown symbol: ${symbol}`));
    return;
  }

  if (cat.tier !== 'PRO') {
    // Known from the catalogue: no request that can only be refused (FREE callers have 60 an hour).
    main.append(upgradeMessage('The multi-timeframe confluence score is available on the PRO tier.'));
    return;
  }

  const status = h('span', { class: 'live-status', dataset: { testid: 'live-status', state: 'connecting' } }, 'connecting');
  const view = h('div', { class: 'confluence', dataset: { testid: 'confluence', state: 'loading' } });
  main.append(h('div', { class: 'chart-head' }, h('h1', {}, symbol, h('span', { class: 'tf' }, 'confluence')), h('div', { class: 'spacer' }), status), view);

  try {
    render(view, symbol, await confluence(symbol));
  } catch (e) {
    view.dataset.state = 'error';
    view.replaceChildren(e.upgradeRequired ? upgradeMessage(e.message) : h('div', { class: 'empty error' }, e.message));
    return;
  }

  // The multiplexed stream (docs/live-streams.md): after any reconnect it sends the current confluence again.
  openStream(`/api/stream?confluence=${encodeURIComponent(symbol)}`, {
    onEvent: (type, data) => {
      if (type !== 'confluence') return;
      const body = eventData(type, data);
      if (body.symbol === symbol) render(view, symbol, body);
    },
    onStatus: (state) => {
      status.dataset.state = state;
      status.textContent = state === 'unavailable' ? 'live off' : state;
    },
  });
}

function render(view, symbol, c) {
  const score = Number(c.confluence_score);
  const tone = c.signals.bullish > c.signals.bearish ? 'bullish' : c.signals.bearish > c.signals.bullish ? 'bearish' : 'neutral';
  const rows = Object.entries(c.breakdown).map(([tf, b]) => h('tr', { dataset: { testid: 'confluence-row', timeframe: tf, trend: b.trend } },
    h('td', { class: 'tf' }, h('a', { href: `/dashboard/chart/${symbol}/${tf}` }, tf)),
    h('td', {}, h('span', { class: `trend ${b.trend}` }, arrow(b.trend), ' ', b.trend)),
    h('td', { class: 'strength' }, h('div', { class: 'bar' }, h('div', { class: `fill ${b.trend}`, style: `width:${Math.round(b.strength * 100)}%` })),
      h('span', { class: 'num' }, `${Math.round(b.strength * 100)}%`)),
    h('td', { class: 'votes' }, Object.entries(b.signals).map(([name, vote]) =>
      h('span', { class: `vote v${vote > 0 ? 'up' : vote < 0 ? 'down' : 'flat'}`, title: name }, SIGNAL_NAMES[name] ?? name)))));

  view.replaceChildren(
    h('section', { class: 'score-card' },
      h('div', { class: 'label' }, 'Confluence score'),
      h('div', { class: `score ${tone}` },
        h('span', { dataset: { testid: 'confluence-score', score: String(score) } }, score.toFixed(1)),
        h('span', { class: 'max' }, ` / ${c.max_score}`)),
      h('div', { class: 'gauge' }, h('div', { class: `fill ${tone}`, style: `width:${score * 10}%` })),
      h('div', { class: 'counts' },
        h('span', { class: 'bullish' }, `▲ ${c.signals.bullish} bullish`),
        h('span', { class: 'bearish' }, `▼ ${c.signals.bearish} bearish`),
        h('span', { class: 'neutral' }, `● ${c.signals.neutral} neutral`)),
      h('div', { class: 'muted' }, c.timestamp ? `as of ${c.timestamp}` : 'no bars yet')),
    h('section', { class: 'breakdown' },
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'TF'), h('th', {}, 'Trend'), h('th', {}, 'Strength'), h('th', {}, 'Signals'))),
        h('tbody', {}, rows))));
  view.dataset.state = 'ready';
}

const arrow = (trend) => (trend === 'bullish' ? '▲' : trend === 'bearish' ? '▼' : '●');
