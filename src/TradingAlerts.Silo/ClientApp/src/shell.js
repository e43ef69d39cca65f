// The frame every dashboard page shares: brand, page tabs, symbol and timeframe pickers following the
// caller's tier (a locked item shows the upgrade message), tier badge, sign in/out.
import { h } from './dom.js';
import { catalogue, signOut, token } from './api.js';

/** The catalogue with the caller's access, or null after showing the error in root (every page starts so). */
export async function loadCatalogue(root) {
  try {
    return await catalogue();
  } catch (e) {
    root.replaceChildren(h('div', { class: 'empty error' }, `The API is unreachable: ${e.message}`));
    return null;
  }
}

export function upgradeMessage(text) {
  return h('div', { class: 'upgrade', dataset: { testid: 'upgrade-message' }, role: 'alert' },
    h('strong', {}, 'PRO required. '),
    text ?? 'This needs the PRO tier.',
    ' ',
    h('a', { href: `/login?next=${encodeURIComponent(location.pathname)}` }, 'Upgrade to PRO'));
}

/**
 * Renders the header into `root` and returns the main element. `page` is 'chart' or 'confluence';
 * `href(symbol, tf)` builds a page address; a locked pick shows the upgrade message in `notice`.
 */
export function shell(root, { page, catalogue, symbol, timeframe, href }) {
  const notice = h('div', { class: 'notice' });
  const locked = (what) => () => {
    notice.replaceChildren(upgradeMessage(`${what} is available on the PRO tier.`));
  };

  const symbols = h('nav', { class: 'picker symbols', 'aria-label': 'Symbol', dataset: { testid: 'symbol-picker' } },
    catalogue.symbols.map(({ symbol: s, accessible }) => pick(s, s === symbol, accessible, href(s, timeframe), locked(s))));
  const timeframes = timeframe
    ? h('nav', { class: 'picker timeframes', 'aria-label': 'Timeframe', dataset: { testid: 'timeframe-picker' } },
      catalogue.timeframes.map(({ timeframe: tf, accessible }) =>
        pick(tf, tf === timeframe, accessible, href(symbol, tf), locked(`The ${tf} timeframe`))))
    : null;

  const tf = timeframe ?? 'H1';
  const signedIn = token() !== null;
  const header = h('header', { class: 'topbar' },
    h('a', { class: 'brand', href: '/dashboard/chart/EURUSD/H1' }, h('span', { class: 'logo' }, '◆'), 'TradingAlerts'),
    h('nav', { class: 'tabs' },
      h('a', { href: `/dashboard/chart/${symbol}/${tf}`, class: page === 'chart' ? 'active' : '' }, 'Chart'),
      h('a', { href: `/dashboard/confluence/${symbol}`, class: page === 'confluence' ? 'active' : '' }, 'Confluence')),
    h('div', { class: 'spacer' }),
    h('span', { class: `tier tier-${catalogue.tier.toLowerCase()}`, dataset: { testid: 'tier-badge' } }, catalogue.tier),
    signedIn
      ? h('button', { class: 'link', onClick: () => { signOut(); location.assign('/login'); } }, 'Sign out')
      : h('a', { href: `/login?next=${encodeURIComponent(location.pathname)}` }, 'Sign in'));
  const main = h('main', { class: `page page-${page}` });
  root.replaceChildren(header, h('div', { class: 'toolbar' }, symbols, timeframes), notice, main);
  return main;
}

function pick(label, active, accessible, href, onLocked) {
  if (!accessible) {
    return h('button', { class: 'pick locked', title: 'PRO', dataset: { locked: 'true' }, onClick: onLocked }, label, h('span', { class: 'lock' }, 'PRO'));
  }

  return h('a', { class: active ? 'pick active' : 'pick', href, 'aria-current': active ? 'page' : null }, label);
}
