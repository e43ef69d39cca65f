using System.Net.ServerSentEvents;
using System.Text.Json;

namespace TradingAlerts.TestSupport;

/// <summary>One bar as a stream delivered it.</summary>
public sealed record MirroredBar(long Time, double Open, double High, double Low, double Close, bool Closed, long Position);

/// <summary>
/// What a plain consumer of <c>/api/stream</c> holds: the events applied in order, by position, per pair, as the
/// documentation (docs/live-streams.md) tells a consumer to apply them. It checks the stream's promises as it goes
/// (no position twice, none going back, no event that starts after what was received) and records every breach.
/// </summary>
public sealed class SseMirror
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<long, MirroredBar>> _bars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _confluence = new(StringComparer.Ordinal);
    private readonly List<string> _breaches = [];
    private readonly Dictionary<string, int> _resets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _firstLatest = new(StringComparer.Ordinal);

    /// <summary>The id of the last event that had one (what a reconnect sends as Last-Event-ID).</summary>
    public string? LastEventId { get; private set; }

    public int Events { get; private set; }

    /// <summary>The connection events come from now (set by the follower), named in breaches.</summary>
    public string Connection { get; set; } = string.Empty;

    /// <summary>How many <c>reconnect</c> events (a draining silo ending the stream) were received.</summary>
    public int Reconnects { get; private set; }

    public IReadOnlyList<string> Breaches
    {
        get
        {
            lock (_lock)
            {
                return [.. _breaches];
            }
        }
    }

    public IReadOnlyDictionary<string, int> Resets
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, int>(_resets, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Per pair, the time of the latest bar of the first event (where following began).</summary>
    public IReadOnlyDictionary<string, long> FirstLatest
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, long>(_firstLatest, StringComparer.Ordinal);
            }
        }
    }

    public IReadOnlyList<MirroredBar> Bars(string pair)
    {
        lock (_lock)
        {
            return _bars.TryGetValue(pair, out var bars) ? [.. bars.Values] : [];
        }
    }

    public long Seen(string pair)
    {
        lock (_lock)
        {
            return _seen.GetValueOrDefault(pair, -1);
        }
    }

    public JsonElement? Confluence(string symbol)
    {
        lock (_lock)
        {
            return _confluence.TryGetValue(symbol, out var c) ? c : null;
        }
    }

    public void Apply(SseItem<string> item)
    {
        lock (_lock)
        {
            if (!string.IsNullOrEmpty(item.EventId))
            {
                LastEventId = item.EventId;
            }

            switch (item.EventType)
            {
                case "heartbeat":
                    return;
                case "reconnect":
                    // The silo is stopping (drain): the follower reconnects elsewhere with the last id, nothing to apply.
                    Reconnects++;
                    return;
                case "bar":
                case "reset":
                    Events++;
                    ApplyBars(JsonDocument.Parse(item.Data).RootElement, item.EventType == "reset");
                    return;
                case "confluence":
                    Events++;
                    var confluence = JsonDocument.Parse(item.Data).RootElement.Clone();
                    _confluence[confluence.GetProperty("symbol").GetString()!] = confluence;
                    return;
                default:
                    _breaches.Add($"unexpected event '{item.EventType}': {item.Data}");
                    return;
            }
        }
    }

    private void ApplyBars(JsonElement root, bool reset)
    {
        var pair = root.GetProperty("pair").GetString()!;
        var after = root.GetProperty("after").GetInt64();
        var position = root.GetProperty("position").GetInt64();
        var ohlc = root.GetProperty("data").GetProperty("ohlc").EnumerateArray().Select(b => new MirroredBar(
            b.GetProperty("time").GetInt64(), b.GetProperty("open").GetDouble(), b.GetProperty("high").GetDouble(),
            b.GetProperty("low").GetDouble(), b.GetProperty("close").GetDouble(), b.GetProperty("closed").GetBoolean(),
            b.GetProperty("position").GetInt64())).ToList();
        var known = _seen.TryGetValue(pair, out var seen);
        if (!_bars.TryGetValue(pair, out var bars))
        {
            _bars[pair] = bars = [];
        }

        if (reset)
        {
            // The current state replaces whatever was held.
            _resets[pair] = _resets.GetValueOrDefault(pair) + 1;
            bars.Clear();
        }
        else if (known)
        {
            if (after > seen)
            {
                _breaches.Add($"{pair}: an event after {after} while only {seen} was received (a hole), event {Events} on connection {Connection}");
            }

            foreach (var bar in ohlc.Where(b => b.Position <= seen))
            {
                _breaches.Add($"{pair}: position {bar.Position} (bar {bar.Time}) again after {seen}");
            }
        }
        else if (ohlc.Count > 0)
        {
            _firstLatest[pair] = ohlc.Max(b => b.Time);
        }

        foreach (var bar in ohlc.OrderBy(b => b.Position))
        {
            if (bar.Position > position)
            {
                _breaches.Add($"{pair}: bar {bar.Time} at {bar.Position} beyond the event's position {position}");
            }

            bars[bar.Time] = bar;
        }

        // After a reset the stream is at the reset's position (lower than before when the old one was foreign).
        _seen[pair] = reset ? position : Math.Max(known ? seen : -1, position);
    }
}
