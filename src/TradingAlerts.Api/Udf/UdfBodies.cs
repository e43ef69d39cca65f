using System.Text.Json.Serialization;

namespace TradingAlerts.Api.Udf;

/// <summary><c>GET /udf/config</c>: what the datafeed supports (the charting library's DatafeedConfiguration).</summary>
internal sealed record UdfConfigBody(
    [property: JsonPropertyName("supported_resolutions")] IReadOnlyList<string> SupportedResolutions,
    [property: JsonPropertyName("supports_group_request")] bool SupportsGroupRequest,
    [property: JsonPropertyName("supports_marks")] bool SupportsMarks,
    [property: JsonPropertyName("supports_search")] bool SupportsSearch,
    [property: JsonPropertyName("supports_timescale_marks")] bool SupportsTimescaleMarks,
    [property: JsonPropertyName("supports_time")] bool SupportsTime,
    [property: JsonPropertyName("exchanges")] IReadOnlyList<UdfExchange> Exchanges,
    [property: JsonPropertyName("symbols_types")] IReadOnlyList<UdfSymbolType> SymbolsTypes);

internal sealed record UdfExchange(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("desc")] string Desc);

internal sealed record UdfSymbolType(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value);

/// <summary><c>GET /udf/symbols</c>: one symbol as the charting library's LibrarySymbolInfo, in UDF's field names.</summary>
internal sealed record UdfSymbolInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("ticker")] string Ticker,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("session")] string Session,
    [property: JsonPropertyName("timezone")] string Timezone,
    [property: JsonPropertyName("exchange")] string Exchange,
    [property: JsonPropertyName("listed_exchange")] string ListedExchange,
    [property: JsonPropertyName("minmov")] int MinMov,
    [property: JsonPropertyName("pricescale")] long PriceScale,
    [property: JsonPropertyName("has_intraday")] bool HasIntraday,
    [property: JsonPropertyName("has_daily")] bool HasDaily,
    [property: JsonPropertyName("has_weekly_and_monthly")] bool HasWeeklyAndMonthly,
    [property: JsonPropertyName("intraday_multipliers")] IReadOnlyList<string> IntradayMultipliers,
    [property: JsonPropertyName("daily_multipliers")] IReadOnlyList<string> DailyMultipliers,
    [property: JsonPropertyName("supported_resolutions")] IReadOnlyList<string> SupportedResolutions,
    [property: JsonPropertyName("volume_precision")] int VolumePrecision,
    [property: JsonPropertyName("data_status")] string DataStatus);

/// <summary>One row of <c>GET /udf/search</c>.</summary>
internal sealed record UdfSearchResult(
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("full_name")] string FullName,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("exchange")] string Exchange,
    [property: JsonPropertyName("ticker")] string Ticker,
    [property: JsonPropertyName("type")] string Type);

/// <summary>
/// <c>GET /udf/history</c>: <c>s</c> "ok" with the bars as columns (oldest first; <c>t</c> unix seconds UTC, <c>v</c>
/// tick volume), or "no_data" with <c>nextTime</c>, the newest bar before the range when there is one.
/// </summary>
internal sealed record UdfHistoryBody(
    [property: JsonPropertyName("s")] string Status,
    [property: JsonPropertyName("t"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long[]? Time,
    [property: JsonPropertyName("o"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? Open,
    [property: JsonPropertyName("h"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? High,
    [property: JsonPropertyName("l"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? Low,
    [property: JsonPropertyName("c"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? Close,
    [property: JsonPropertyName("v"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long[]? Volume,
    [property: JsonPropertyName("nextTime"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? NextTime);
