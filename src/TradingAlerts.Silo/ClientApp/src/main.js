// One bundle for every page; the silo serves the same HTML shell for /login and /dashboard/*.
import './styles.css';
import { h } from './dom.js';
import { loginPage } from './login-page.js';
import { chartPage } from './chart-page.js';
import { confluencePage } from './confluence-page.js';

const routes = [
  [/^\/login\/?$/, () => loginPage],
  [/^\/dashboard\/chart\/([^/]+)\/([^/]+)\/?$/, (m) => (root) => chartPage(root, m[1].toUpperCase(), m[2].toUpperCase())],
  [/^\/dashboard\/confluence\/([^/]+)\/?$/, (m) => (root) => confluencePage(root, m[1].toUpperCase())],
  [/^\/(dashboard\/?)?$/, () => () => location.replace('/dashboard/chart/EURUSD/H1')],
];

const root = document.getElementById('app');
const route = routes.map(([pattern, page]) => [location.pathname.match(pattern), page]).find(([m]) => m);
if (route) {
  route[1](route[0])(root);
} else {
  root.replaceChildren(h('div', { class: 'empty' }, 'Page not found. ', h('a', { href: '/dashboard/chart/EURUSD/H1' }, 'Open the chart')));
}
