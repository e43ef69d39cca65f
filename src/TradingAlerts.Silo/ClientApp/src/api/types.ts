// The API's answers as the dashboard reads them, named from the types generated from the OpenAPI document
// (schema.d.ts, `npm run api:types`; docs/api.md). Types only: nothing here is bundled.
import type { components, paths } from './schema';

type Schemas = components['schemas'];

/** What GET `P` answers with 200, as the document declares it. */
export type Ok<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer Body } } } } }
  ? Body
  : never;

export type IndicatorsResponse = Ok<'/api/indicators/{symbol}/{timeframe}'>;
export type ConfluenceResponse = Ok<'/api/confluence/{symbol}'>;
export type SymbolsResponse = Ok<'/api/symbols'>;
export type TimeframesResponse = Ok<'/api/timeframes'>;
export type IndicatorColumnsResponse = Ok<'/api/indicators/catalogue'>;
export type DevTokenResponse = Schemas['DevTokenResponse'];

/** The error envelope; a 403 adds the caller's tier and upgrade_required. */
export type ApiErrorBody = Schemas['ApiErrorBody'] & Partial<Pick<Schemas['UpgradeRequiredBody'], 'tier' | 'upgrade_required'>>;

/** A stream's event types and the data of each (GET /api/stream: StreamEventsWire). */
export type StreamEvents = Schemas['StreamEventsWire'];
export type StreamEventType = keyof StreamEvents;
export type StreamEventData<K extends StreamEventType> = NonNullable<StreamEvents[K]>;

/** The catalogue the dashboard keeps for the session (api.js `catalogue()`). */
export interface Catalogue {
  tier: SymbolsResponse['tier'];
  symbols: SymbolsResponse['symbols'];
  timeframes: TimeframesResponse['timeframes'];
  indicators: IndicatorColumnsResponse['indicators'];
}
