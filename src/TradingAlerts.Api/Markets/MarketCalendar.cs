using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Api.Markets;

/// <summary>One instrument as the grid serves it: kind, digits and weekly sessions on the bars' clock.</summary>
public sealed record Instrument(string Symbol, InstrumentKind Kind, int Digits, IReadOnlyList<WeeklySession> Sessions);

/// <summary>
/// Which markets are open, on the bars' clock: what freshness, its health check, the metrics and the dashboard use
/// so that a pair whose market is closed is <c>closed</c>, not stale. Built once from <see cref="MarketsOptions"/>;
/// <see cref="Create"/> rejects a bad configuration with the reason, so a silo does not start on one.
/// </summary>
public sealed class MarketCalendar
{
    private readonly Dictionary<string, Instrument> _instruments;

    private MarketCalendar(TimeZoneInfo zone, Dictionary<string, Instrument> instruments)
    {
        Zone = zone;
        _instruments = instruments;
    }

    /// <summary>The bars' clock.</summary>
    public TimeZoneInfo Zone { get; }

    public IEnumerable<Instrument> All => Symbols.All.Select(Of);

    public Instrument Of(string symbol) => _instruments[symbol];

    /// <summary>A calendar from configuration, or the first thing wrong with it.</summary>
    public static MarketCalendar Create(MarketsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(options.ServerTimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"Markets:ServerTimeZone '{options.ServerTimeZone}' is not a time zone of this machine (an IANA id such as Europe/Nicosia)", ex);
        }

        foreach (var name in options.Sessions.Keys.Where(k => !TryKind(k, out _)))
        {
            throw new InvalidOperationException($"Markets:Sessions:{name}: unknown kind (fx, metal, index or crypto)");
        }

        foreach (var name in options.Symbols.Keys.Where(s => !Symbols.IsKnown(s.ToUpperInvariant())))
        {
            throw new InvalidOperationException($"Markets:Symbols:{name}: not a catalogue symbol");
        }

        var instruments = new Dictionary<string, Instrument>(StringComparer.Ordinal);
        foreach (var symbol in Symbols.All)
        {
            var defaults = Instruments.Defaults[symbol];
            var own = options.Symbols.GetValueOrDefault(symbol);
            var kind = defaults.Kind;
            if (own?.Kind is { } kindName && !TryKind(kindName, out kind))
            {
                throw new InvalidOperationException($"Markets:Symbols:{symbol}:Kind '{kindName}': unknown kind (fx, metal, index or crypto)");
            }

            if (own?.Digits is < 0 or > 10)
            {
                throw new InvalidOperationException($"Markets:Symbols:{symbol}:Digits {own.Digits}: expected 0..10");
            }

            var texts = own?.Sessions is { Count: > 0 } mine ? mine
                : options.Sessions.TryGetValue(kind.Name(), out var ofKind) && ofKind.Count > 0 ? ofKind
                : Instruments.DefaultSessions(kind);
            instruments[symbol] = new Instrument(symbol, kind, own?.Digits ?? defaults.Digits, [.. texts.Select(t => Parse(symbol, t))]);
        }

        return new MarketCalendar(zone, instruments);
    }

    /// <summary><paramref name="utc"/> on the bars' clock.</summary>
    public DateTime BarsClock(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone).DateTime;

    public bool IsOpen(string symbol, DateTimeOffset utc)
    {
        var minute = WeeklySession.MinuteOfWeek(BarsClock(utc));
        return Of(symbol).Sessions.Any(s => s.Contains(minute));
    }

    /// <summary>
    /// Seconds the market of <paramref name="symbol"/> was open between <paramref name="from"/> and <paramref name="to"/>,
    /// stepping from one session edge to the next, at most <paramref name="cap"/>: how long a pair has really been without data.
    /// </summary>
    public double OpenSecondsBetween(string symbol, DateTimeOffset from, DateTimeOffset to, double cap)
    {
        var sessions = Of(symbol).Sessions;
        if (to <= from)
        {
            return 0;
        }

        if (sessions.Any(s => s.IsWholeWeek))
        {
            return Math.Min((to - from).TotalSeconds, cap);
        }

        // From session edge to session edge: a week has a handful of edges, so a month of history is a few dozen steps.
        double open = 0;
        var at = from;
        while (at < to && open < cap)
        {
            var clock = BarsClock(at);
            var minute = WeeklySession.MinuteOfWeek(clock);
            var intoMinute = TimeSpan.FromTicks(clock.Ticks % TimeSpan.TicksPerMinute);
            var toEdge = sessions.SelectMany(s => new[] { s.OpenMinute, s.CloseMinute })
                .Select(edge => (edge - minute + WeeklySession.WeekMinutes - 1) % WeeklySession.WeekMinutes + 1)
                .Min();
            var next = at + TimeSpan.FromMinutes(toEdge) - intoMinute;
            var end = next < to ? next : to;
            if (sessions.Any(s => s.Contains(minute)))
            {
                open += (end - at).TotalSeconds;
            }

            at = end;
        }

        return Math.Min(open, cap);
    }

    private static WeeklySession Parse(string symbol, string text) =>
        WeeklySession.TryParse(text, out var session, out var error) ? session : throw new InvalidOperationException($"Markets ({symbol}): {error}");

    private static bool TryKind(string name, out InstrumentKind kind)
    {
        foreach (var k in Enum.GetValues<InstrumentKind>())
        {
            if (k.Name().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
