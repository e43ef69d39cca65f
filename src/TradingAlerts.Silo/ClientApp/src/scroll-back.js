// @ts-check
// Scroll-back: when the chart's view reaches its oldest loaded bar, the bars before it come from the range API
// (GET /api/indicators/{symbol}/{tf}?to=…&limit=…, docs/api.md "History by time range") and are prepended.
import { indicatorsUpTo } from './api.js';

/** @typedef {import('./api/types').IndicatorsResponse} IndicatorsResponse */

/** Bars a request asks for: a few screens of history, far below Api:History:MaxBars. */
export const PAGE_BARS = 500;

/** Bars from the left edge of the view at which the next page is fetched, so it is drawn before it is reached. */
const EDGE_BARS = 10;

/** Gap between two requests: a user dragging the chart left must not turn into a burst of requests. */
const MIN_GAP_MS = 1000;

/**
 * Requests one page view may make for a FREE caller: 60 requests an hour are all a FREE caller has (docs/api.md
 * "Rate limits"), so scrolling back may spend a few of them, never the rest of the hour.
 */
const FREE_REQUESTS = 5;

/**
 * The scroll-back state of one chart: at most one request in flight, spaced by MIN_GAP_MS, bounded for FREE, and
 * stopped for good once the API says nothing is older (`no_data` with `next_time` null) or a request failed (a 429
 * included: the hour's quota is spent, asking again would only be refused).
 */
export class ScrollBack {
  /**
   * @param {object} options
   * @param {string} options.symbol
   * @param {string} options.timeframe
   * @param {string} options.tier the caller's tier (catalogue)
   * @param {() => number | undefined} options.oldestTime open time of the oldest bar the chart holds
   * @param {(data: IndicatorsResponse['data']) => void} options.prepend draws bars older than the chart's
   * @param {(state: string) => void} options.onState 'idle', 'loading', 'start' (nothing older), 'limit', 'error'
   */
  constructor({ symbol, timeframe, tier, oldestTime, prepend, onState }) {
    this.symbol = symbol;
    this.timeframe = timeframe;
    this.oldestTime = oldestTime;
    this.prepend = prepend;
    this.onState = onState;
    this.budget = tier === 'FREE' ? FREE_REQUESTS : Infinity;
    this.busy = false;
    this.done = false;
    this.lastAt = -Infinity;
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.timer = null;
    /** @type {number | null} the `to` of the next request when the API pointed past a gap (next_time) */
    this.nextTo = null;
  }

  /**
   * The view's logical range changed (lightweight-charts: bar indexes, 0 = oldest loaded bar): near the left edge
   * the next page is asked for.
   * @param {{ from: number, to: number } | null} range
   */
  viewChanged(range) {
    if (range && range.from < EDGE_BARS) this.request();
  }

  request() {
    if (this.busy || this.done || this.timer) return;
    const wait = this.lastAt + MIN_GAP_MS - performance.now();
    if (wait > 0) {
      // Asked again too soon: one deferred request, which looks at the chart as it is then.
      this.timer = setTimeout(() => { this.timer = null; this.request(); }, wait);
      return;
    }

    if (this.budget <= 0) {
      this.stop('limit');
      return;
    }

    const oldest = this.oldestTime();
    if (oldest === undefined) return;
    this.busy = true;
    this.budget -= 1;
    this.lastAt = performance.now();
    this.onState('loading');
    const to = this.nextTo ?? oldest - 1;
    this.nextTo = null;
    indicatorsUpTo(this.symbol, this.timeframe, to, PAGE_BARS).then((body) => {
      this.busy = false;
      const meta = body.data.metadata;
      if (meta.no_data) {
        // With only `to` nothing can lie before an empty range; next_time is kept to for a range with a gap.
        if (meta.next_time == null) {
          this.stop('start');
          return;
        }

        this.nextTo = meta.next_time;
        this.onState('idle');
        this.request();
        return;
      }

      this.prepend(body.data);
      this.onState('idle');
    }, () => {
      this.busy = false;
      this.stop('error');
    });
  }

  /** @param {string} state */
  stop(state) {
    this.done = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.onState(state);
  }
}
