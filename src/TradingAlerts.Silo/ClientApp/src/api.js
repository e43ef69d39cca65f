// The API client: the development token lives in localStorage, no token means FREE.

const TOKEN_KEY = 'ta.token';

export const token = () => localStorage.getItem(TOKEN_KEY);

export function signIn(value) {
  localStorage.setItem(TOKEN_KEY, value);
  sessionStorage.clear();
}

export function signOut() {
  localStorage.removeItem(TOKEN_KEY);
  sessionStorage.clear();
}

export function authHeaders() {
  const t = token();
  return t ? { Authorization: `Bearer ${t}` } : {};
}

/** An API error with the envelope's message and the upgrade flag of a 403. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error ?? `HTTP ${status}`);
    this.status = status;
    this.upgradeRequired = body?.upgrade_required === true;
  }
}

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
 * Symbols, timeframes and indicator columns with the caller's access. Cached for the browser session (cleared on
 * sign in and out): FREE callers have 60 requests an hour, so page loads must not spend them on the catalogue.
 */
export async function catalogue() {
  const key = `ta.catalogue.v2:${token() ?? ''}`;
  const cached = sessionStorage.getItem(key);
  if (cached) {
    return JSON.parse(cached);
  }

  const [symbols, timeframes, indicators] = await Promise.all(
    [getJson('/api/symbols'), getJson('/api/timeframes'), getJson('/api/indicators/catalogue')]);
  const value = { tier: symbols.tier, symbols: symbols.symbols, timeframes: timeframes.timeframes, indicators: indicators.indicators };
  sessionStorage.setItem(key, JSON.stringify(value));
  return value;
}

export async function devToken(tier, user) {
  const response = await fetch('/api/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tier, user: user || undefined }),
  });
  if (!response.ok) {
    throw new ApiError(response.status, await response.json().catch(() => null));
  }

  return (await response.json()).token;
}
