// @ts-check
// The API client: the development token lives in localStorage, no token means FREE. The answers are typed from the
// OpenAPI document (api/types.ts; `npm run typecheck` checks this file against them).

/** @typedef {import('./api/types').IndicatorsResponse} IndicatorsResponse */
/** @typedef {import('./api/types').ConfluenceResponse} ConfluenceResponse */
/** @typedef {import('./api/types').Catalogue} Catalogue */
/** @typedef {import('./api/types').ApiErrorBody} ApiErrorBody */
/** @typedef {import('./api/types').StreamEvents} StreamEvents */

const TOKEN_KEY = 'ta.token';

export const token = () => localStorage.getItem(TOKEN_KEY);

/** @param {string} value */
export function signIn(value) {
  localStorage.setItem(TOKEN_KEY, value);
  sessionStorage.clear();
}

export function signOut() {
  localStorage.removeItem(TOKEN_KEY);
  sessionStorage.clear();
}

/** @returns {Record<string, string>} */
export function authHeaders() {
  const t = token();
  return t ? { Authorization: `Bearer ${t}` } : {};
}

/** An API error with the envelope's message and the upgrade flag of a 403. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {ApiErrorBody | null} body
   */
  constructor(status, body) {
    super(body?.error ?? `HTTP ${status}`);
    this.status = status;
    this.upgradeRequired = body?.upgrade_required === true;
  }
}

/**
 * @template T
 * @param {string} path
 * @returns {Promise<T>}
 */
export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json', ...authHeaders() } });
  const body = await response.json().catch(() => null);
  if (response.status === 401 && token()) {
    // An expired or foreign token: drop it and ask for a new one rather than showing FREE silently.
    signOut();
    location.assign(`/login?next=${encodeURIComponent(location.pathname)}`);
  }

  if (!response.ok || body?.success === false) {
    throw new ApiError(response.status, body);
  }

  return body;
}

/**
 * @param {string} symbol
 * @param {string} timeframe
 * @param {number} limit
 * @returns {Promise<IndicatorsResponse>}
 */
export const indicators = (symbol, timeframe, limit) => getJson(`/api/indicators/${symbol}/${timeframe}?limit=${limit}`);

/**
 * The newest `limit` bars opened at or before `to` (unix seconds): the range API a chart scrolls back with
 * (docs/api.md "History by time range"); `metadata.no_data` says none is older.
 * @param {string} symbol
 * @param {string} timeframe
 * @param {number} to
 * @param {number} limit
 * @returns {Promise<IndicatorsResponse>}
 */
export const indicatorsUpTo = (symbol, timeframe, to, limit) =>
  getJson(`/api/indicators/${symbol}/${timeframe}?to=${to}&limit=${limit}`);

/**
 * @param {string} symbol
 * @returns {Promise<ConfluenceResponse>}
 */
export const confluence = (symbol) => getJson(`/api/confluence/${symbol}`);

/**
 * The data of a stream event (sse.js hands it over as text), typed by the event's name.
 * @template {keyof StreamEvents} K
 * @param {K} type
 * @param {string} data
 * @returns {NonNullable<StreamEvents[K]>}
 */
export const eventData = (type, data) => JSON.parse(data);

/**
 * Symbols, timeframes and indicator columns with the caller's access. Cached for the browser session (cleared on
 * sign in and out): FREE callers have 60 requests an hour, so page loads must not spend them on the catalogue.
 * @returns {Promise<Catalogue>}
 */
export async function catalogue() {
  const key = `ta.catalogue.v2:${token() ?? ''}`;
  const cached = sessionStorage.getItem(key);
  if (cached) {
    return JSON.parse(cached);
  }

  /** @type {[import('./api/types').SymbolsResponse, import('./api/types').TimeframesResponse, import('./api/types').IndicatorColumnsResponse]} */
  const [symbols, timeframes, columns] = await Promise.all(
    [getJson('/api/symbols'), getJson('/api/timeframes'), getJson('/api/indicators/catalogue')]);
  /** @type {Catalogue} */
  const value = { tier: symbols.tier, symbols: symbols.symbols, timeframes: timeframes.timeframes, indicators: columns.indicators };
  sessionStorage.setItem(key, JSON.stringify(value));
  return value;
}

/**
 * @param {string} tier
 * @param {string} [user]
 * @returns {Promise<string>}
 */
export async function devToken(tier, user) {
  const response = await fetch('/api/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tier, user: user || undefined }),
  });
  if (!response.ok) {
    throw new ApiError(response.status, await response.json().catch(() => null));
  }

  /** @type {import('./api/types').DevTokenResponse} */
  const body = await response.json();
  return body.token;
}
