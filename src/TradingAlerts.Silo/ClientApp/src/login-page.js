// Development sign-in: pick a tier, get a token from POST /api/dev/token.
import { h } from './dom.js';
import { devToken, signIn } from './api.js';

export function loginPage(root) {
  const next = new URLSearchParams(location.search).get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/dashboard/chart/EURUSD/H1';
  const user = h('input', { name: 'user', placeholder: 'trader', autocomplete: 'username', maxlength: '64' });
  const error = h('p', { class: 'error', role: 'alert' });
  const go = (tier) => async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      signIn(await devToken(tier, user.value.trim()));
      location.assign(target);
    } catch (e) {
      error.textContent = e.status === 404
        ? 'Development sign-in is off: this silo does not run in the Development environment.'
        : `Sign-in failed: ${e.message}`;
    }
  };

  root.replaceChildren(h('div', { class: 'login' },
    h('form', { class: 'card', onSubmit: go('PRO') },
      h('div', { class: 'brand big' }, h('span', { class: 'logo' }, '◆'), 'TradingAlerts'),
      h('p', { class: 'muted' }, 'Development sign-in: choose a tier. The silo issues a token for it.'),
      h('label', {}, 'Name (optional)', user),
      h('div', { class: 'tiers' },
        h('button', { type: 'button', class: 'tier-choice', dataset: { testid: 'login-free' }, onClick: go('FREE') },
          h('strong', {}, 'FREE'), h('span', {}, '5 symbols × H1 H4 D1, fractals and trendlines')),
        h('button', { type: 'submit', class: 'tier-choice pro', dataset: { testid: 'login-pro' } },
          h('strong', {}, 'PRO'), h('span', {}, '15 symbols × 9 timeframes, every indicator, confluence'))),
      error,
      h('a', { href: target, class: 'muted' }, 'Continue without signing in (FREE)'))));
}
