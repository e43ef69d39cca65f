using System.Diagnostics.Metrics;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Endpoints;
using TradingAlerts.Api.Errors;
using TradingAlerts.Api.Health;
using TradingAlerts.Api.Live;

namespace TradingAlerts.Api.Observability;

/// <summary>
/// The silo's own instruments (meter "TradingAlerts.Silo"): response-cache hits and misses and its own size accounting
/// (bytes held against the budget, entries, evictions; docs/memory.md), live SSE clients, and
/// gauges of what <see cref="GridStatusSampler"/> last saw in the grid (pairs by freshness, collector files by status,
/// per (file, symbol) age, lag, failing, quarantined rows and cursor, as the agents reported them). Every silo samples
/// the same grid, so take <c>max</c> of the gauges across silos, not the sum.
/// </summary>
internal sealed class SiloMetrics : IDisposable
{
    public const string MeterName = "TradingAlerts.Silo";

    private static readonly string[] PairStatuses = ["fresh", "stale", "empty", "unavailable", "closed"];
    private static readonly IReadOnlyList<string> FileStatuses = IngestStatusView.All;

    private readonly Meter _meter;
    private long _cacheHits;
    private long _cacheMisses;
    private volatile GridSample? _sample;

    public SiloMetrics(IMeterFactory meterFactory, IServiceProvider services)
    {
        _meter = meterFactory.Create(MeterName);
        // Observed rather than added: both series exist from the start, so a hit ratio never divides by a missing series.
        _meter.CreateObservableCounter("tradingalerts.api.response_cache.requests", () => new Measurement<long>[]
        {
            new(Interlocked.Read(ref _cacheHits), Tag("result", "hit")),
            new(Interlocked.Read(ref _cacheMisses), Tag("result", "miss")),
        }, "{request}", "Response cache look-ups of the indicators and confluence endpoints (tag: result hit|miss)");
        // Resolved on first observation, as the hub below: the cache reports its look-ups here.
        var cache = new Lazy<ResponseCache?>(services.GetService<ResponseCache>);
        _meter.CreateObservableUpDownCounter("tradingalerts.api.response_cache.held", () => cache.Value?.HeldBytes ?? 0, "By",
            "Bytes of responses the cache holds, by its own accounting (never above the budget)");
        _meter.CreateObservableUpDownCounter("tradingalerts.api.response_cache.budget", () => cache.Value?.BudgetBytes ?? 0, "By",
            "The cache's byte budget (Api:ResponseCache:SizeLimitBytes)");
        _meter.CreateObservableUpDownCounter("tradingalerts.api.response_cache.entries", () => cache.Value?.Entries ?? 0, "{entry}",
            "Responses the cache holds (one per pair and tier, and per symbol for the confluence)");
        _meter.CreateObservableCounter("tradingalerts.api.response_cache.evictions", () => cache.Value is { } c
            ? [new Measurement<long>(c.CapacityEvictions, Tag("reason", "capacity")), new Measurement<long>(c.IdleEvictions, Tag("reason", "idle"))]
            : Array.Empty<Measurement<long>>(), "{entry}",
            "Entries evicted or refused for the budget or under memory pressure (reason capacity), or gone idle (reason idle)");
        _meter.CreateObservableCounter("tradingalerts.api.response_cache.pressure_compactions", () => cache.Value?.PressureCompactions ?? 0, "{compaction}",
            "Times the cache was emptied because memory was short (GC high memory load or Api:ResponseCache:ProcessMemoryLimitBytes)");
        // Resolved on first observation: the hub exists only where the live endpoints are registered.
        var hub = new Lazy<LiveHub?>(services.GetService<LiveHub>);
        _meter.CreateObservableUpDownCounter("tradingalerts.live.clients", () => hub.Value?.Topics.Values.Sum() ?? 0, "{client}",
            "Open server-sent event streams on this silo");
        _meter.CreateObservableGauge("tradingalerts.pairs", ObservePairs, "{pair}",
            "Pairs by freshness (tag: status fresh|stale|empty|unavailable|closed), as /api/indicators/health judges them");
        _meter.CreateObservableGauge("tradingalerts.ingest.files", ObserveFiles, "{file}",
            "Collector files by status (tag: status ok|waiting|stale|failing|silent), as /api/health/sqlite judges them");
        _meter.CreateObservableGauge("tradingalerts.ingest.symbol.write_age", () => Symbols(s => s.AgeSeconds), "s",
            "Seconds since the newest collector write ingested, per (agent, file, symbol)");
        _meter.CreateObservableGauge("tradingalerts.ingest.symbol.lag", () => Symbols(s => s.LagMs / 1000.0), "s",
            "Lag of the newest batch (ingest time minus collector write time), per (agent, file, symbol)");
        _meter.CreateObservableGauge("tradingalerts.ingest.symbol.failing", () => Symbols(s => s.Status == IngestStatusView.Failing ? 1 : 0), "{symbol}",
            "1 while the symbol's last ingest pass failed, per (agent, file, symbol)");
        _meter.CreateObservableGauge("tradingalerts.ingest.symbol.quarantined", () => Symbols(s => s.Quarantined), "{row}",
            "Rows of the symbol in the file's quarantine, per (agent, file, symbol)");
        _meter.CreateObservableGauge("tradingalerts.ingest.symbol.last_seq", () => Symbols(s => s.LastSeq), "{seq}",
            "The symbol's cursor (highest seq made durable), per (agent, file, symbol)");
    }

    public void CacheLookup(bool hit) => Interlocked.Increment(ref hit ? ref _cacheHits : ref _cacheMisses);

    public void Update(GridSample sample) => _sample = sample;

    private IEnumerable<Measurement<int>> ObservePairs() =>
        _sample is { } s ? PairStatuses.Select(status => new Measurement<int>(s.Pairs.GetValueOrDefault(status), Tag("status", status))) : [];

    private IEnumerable<Measurement<int>> ObserveFiles() =>
        _sample is { Ingest: { } ingest } ? FileStatuses.Select(status => new Measurement<int>(ingest.Files.Count(f => f.Status == status), Tag("status", status))) : [];

    private IEnumerable<Measurement<double>> Symbols(Func<IngestSymbolView, double?> value) =>
        _sample is { Ingest: { } ingest }
            ? ingest.Files.SelectMany(f => f.Symbols.Where(s => value(s) is not null).Select(s => new Measurement<double>(value(s)!.Value,
                new KeyValuePair<string, object?>("agent", f.Agent), new KeyValuePair<string, object?>("file", Path.GetFileName(f.File)),
                new KeyValuePair<string, object?>("symbol", s.Symbol))))
            : [];

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);

    public void Dispose() => _meter.Dispose();
}

/// <summary>One sample of the grid: pairs by freshness status, and the ingest status (null when it could not be read).</summary>
internal sealed record GridSample(IReadOnlyDictionary<string, int> Pairs, IngestStatusView? Ingest);
